// Python logging configs: logging.config.fileConfig ini files and dictConfig dictionaries (read
// from YAML or JSON by logging_config_tree.cc). Each handler that formats records yields the
// format string of its formatter.
#include <algorithm>
#include <cctype>
#include <optional>

#include "parsers/logging_config_internal.h"

namespace faultline::logging_config_internal {
namespace {

// ---- what both forms share ----

struct PythonFormatter {
  std::string format;
  std::string datefmt;
  std::string style = "%";
  int line = 0;  ///< where the format was given (or the formatter, when it was not)
};

// logging.Formatter(None) falls back to the message alone, in the formatter's own style.
std::string DefaultFormat(char style) {
  return style == '{' ? "{message}" : style == '$' ? "${message}" : "%(message)s";
}

// Handlers that pass records on (MemoryHandler, QueueHandler) or drop them write no lines.
bool WritesRecords(std::string_view handler_class) {
  for (std::string_view s : {"MemoryHandler", "QueueHandler", "NullHandler", "BufferingHandler"}) {
    if (EndsWithIgnoreCase(handler_class, s)) return false;
  }
  return true;
}

bool WritesFile(std::string_view handler_class) {
  return ContainsIgnoreCase(handler_class, "FileHandler");
}

ConfiguredLayout MakeLayout(std::string_view path, std::string_view handler,
                            const PythonFormatter* f, int handler_line, LoggingConfig* out) {
  ConfiguredLayout layout;
  layout.appender = std::string(handler);
  layout.syntax = PatternSyntax::kPython;
  char style = '%';
  if (f != nullptr) {
    std::string_view s = Trim(f->style);
    if (s == "{" || s == "$" || s == "%") {
      style = s[0];
    } else {
      AddProblem(out, path, f->line, "formatter style '" + f->style + "' is not %, { or $");
    }
    layout.datefmt = f->datefmt;
  }
  layout.python_style = style;
  layout.pattern = f && !f->format.empty() ? f->format : DefaultFormat(style);
  layout.origin = Origin(path, f ? f->line : handler_line);
  return layout;
}

// ---- fileConfig ini ----

struct IniValue {
  std::string value;
  int line = 0;
};
struct IniSection {
  std::string name;
  int line = 0;
  std::map<std::string, IniValue, std::less<>> values;  ///< keys lowercased, as ConfigParser does
  const IniValue* Get(std::string_view key) const {
    auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second;
  }
};

// ConfigParser's reading: [sections], "key = value" / "key: value", full-line '#' / ';'
// comments, and indented lines continuing the value before them.
std::vector<IniSection> ParseIni(std::string_view path, std::string_view text, LoggingConfig* out) {
  std::vector<IniSection> sections;
  IniValue* last = nullptr;
  size_t pos = 0;
  for (int line_no = 1; pos < text.size(); ++line_no) {
    size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') {
      if (line.empty()) last = nullptr;
      continue;
    }
    bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (indented && last != nullptr) {
      last->value += "\n" + std::string(line);
    } else if (line.front() == '[' && line.back() == ']') {
      sections.push_back({std::string(line.substr(1, line.size() - 2)), line_no, {}});
      last = nullptr;
    } else if (size_t sep = line.find_first_of("=:");
               sep != std::string_view::npos && !sections.empty()) {
      IniValue& v = sections.back().values[ToLower(Trim(line.substr(0, sep)))];
      v = {std::string(Trim(line.substr(sep + 1))), line_no};
      last = &v;
    } else {
      AddProblem(out, path, line_no,
                 sections.empty() ? "text before the first [section]" : "line without '=' or ':'");
      last = nullptr;
    }
  }
  return sections;
}

const IniSection* FindSection(const std::vector<IniSection>& sections, std::string_view name) {
  // A repeated section: ConfigParser refuses the file; the last one is as good a guess as any.
  for (auto it = sections.rbegin(); it != sections.rend(); ++it) {
    if (it->name == name) return &*it;
  }
  return nullptr;
}

// ConfigParser's BasicInterpolation, which fileConfig applies to handler settings (but not to
// formats, read raw): "%%" is '%', "%(key)s" the section's (or [DEFAULT]'s) key. A key neither
// defines is written "${key}", which the file matcher reads as a wildcard.
std::string Interpolate(std::string_view v, const IniSection& s, const IniSection* defaults,
                        int depth = 0) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '%' || i + 1 == v.size()) {
      out.push_back(v[i]);
    } else if (v[i + 1] == '%') {
      out.push_back('%');
      ++i;
    } else if (size_t close = v.find(")s", i); v[i + 1] == '(' && close != std::string_view::npos) {
      std::string key = ToLower(v.substr(i + 2, close - i - 2));
      const IniValue* found = s.Get(key);
      if (found == nullptr && defaults != nullptr) found = defaults->Get(key);
      out += found && depth < 10 ? Interpolate(found->value, s, defaults, depth + 1)
                                 : "${" + key + "}";
      i = close + 1;
    } else {
      out.push_back(v[i]);
    }
  }
  return out;
}

// The first Python string literal in `expr` ('...', "...", r'...'), unescaped; "" when none.
std::string FirstStringLiteral(std::string_view expr) {
  size_t q = expr.find_first_of("'\"");
  if (q == std::string_view::npos) return "";
  bool raw = q > 0 && (expr[q - 1] == 'r' || expr[q - 1] == 'R');
  std::string out;
  for (size_t i = q + 1; i < expr.size() && expr[i] != expr[q]; ++i) {
    if (expr[i] == '\\' && !raw && i + 1 < expr.size()) {
      char c = expr[++i];
      out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c);
    } else {
      out.push_back(expr[i]);
    }
  }
  return out;
}

// The file a FileHandler opens: the first argument, or kwargs' filename.
std::string IniHandlerFile(const IniSection& h, const IniSection* defaults) {
  if (const IniValue* args = h.Get("args")) {
    std::string file = FirstStringLiteral(Interpolate(args->value, h, defaults));
    if (!file.empty()) return file;
  }
  if (const IniValue* kwargs = h.Get("kwargs")) {
    std::string k = Interpolate(kwargs->value, h, defaults);
    size_t key = k.find("filename");
    if (key != std::string::npos) return FirstStringLiteral(std::string_view(k).substr(key + 9));
  }
  return "";
}

PythonFormatter IniFormatter(const IniSection& s) {
  PythonFormatter f;
  f.line = s.line;
  if (const IniValue* v = s.Get("format")) f = {v->value, "", "%", v->line};
  if (const IniValue* v = s.Get("datefmt")) f.datefmt = v->value;
  if (const IniValue* v = s.Get("style")) f.style = v->value;
  return f;
}

std::vector<std::string> SplitKeys(std::string_view keys) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos <= keys.size();) {
    size_t comma = std::min(keys.find(',', pos), keys.size());
    std::string_view k = Trim(keys.substr(pos, comma - pos));
    if (!k.empty()) out.emplace_back(k);
    pos = comma + 1;
  }
  return out;
}

// The handlers fileConfig would build: those [handlers] keys= lists, else every [handler_x].
std::vector<std::string> IniHandlerNames(const std::vector<IniSection>& sections) {
  const IniSection* list = FindSection(sections, "handlers");
  if (list != nullptr && list->Get("keys")) return SplitKeys(list->Get("keys")->value);
  std::vector<std::string> names;
  for (const IniSection& s : sections) {
    if (s.name.rfind("handler_", 0) == 0) names.push_back(s.name.substr(8));
  }
  return names;
}

void ReadIniHandler(std::string_view path, const std::vector<IniSection>& sections,
                    const IniSection& h, std::string_view name, LoggingConfig* out) {
  const IniSection* defaults = FindSection(sections, "DEFAULT");
  const IniValue* cls = h.Get("class");
  std::string handler_class = cls ? Interpolate(cls->value, h, defaults) : "";
  if (!WritesRecords(handler_class)) return;
  std::optional<PythonFormatter> formatter;
  if (const IniValue* f = h.Get("formatter"); f && !Trim(f->value).empty()) {
    const IniSection* fs = FindSection(sections, "formatter_" + std::string(Trim(f->value)));
    if (fs == nullptr) {
      AddProblem(out, path, f->line, "no [formatter_" + std::string(Trim(f->value)) + "] section");
      return;
    }
    formatter = IniFormatter(*fs);
  }
  ConfiguredLayout layout = MakeLayout(path, name, formatter ? &*formatter : nullptr, h.line, out);
  if (WritesFile(handler_class)) {
    if (const IniValue* args = h.Get("args"))
      layout.file_template = FirstStringLiteral(args->value);
    layout.file = IniHandlerFile(h, defaults);
  }
  out->layouts.push_back(std::move(layout));
}

// ---- dictConfig ----

std::string ScalarAt(const TreeNode& n, std::string_view key) {
  const TreeNode* v = n.Find(key);
  return v && v->kind == TreeNode::Kind::kScalar ? v->scalar : "";
}

PythonFormatter DictFormatter(const TreeNode& n) {
  PythonFormatter f;
  f.line = n.line;
  // A "()" factory gets the keys as keyword arguments, where the format is called fmt.
  for (std::string_view key : {"format", "fmt"}) {
    if (const TreeNode* v = n.Find(key); v && v->kind == TreeNode::Kind::kScalar) {
      f.format = v->scalar;
      f.line = v->line;
      break;
    }
  }
  f.datefmt = ScalarAt(n, "datefmt");
  if (n.Find("style")) f.style = ScalarAt(n, "style");
  return f;
}

// Configs are often kept under a key of a larger file ("logging:", "LOGGING:").
const TreeNode* DictConfigRoot(const TreeNode& root) {
  if (root.Find("handlers") || root.Find("formatters")) return &root;
  for (const auto& [key, child] : root.map) {
    if (child.kind == TreeNode::Kind::kMap && child.Find("handlers")) return &child;
  }
  return nullptr;
}

void ReadDictHandler(std::string_view path, const TreeNode* formatters, const std::string& name,
                     const TreeNode& h, LoggingConfig* out) {
  if (h.kind != TreeNode::Kind::kMap) return;
  std::string handler_class = ScalarAt(h, "class");
  if (!WritesRecords(handler_class)) return;
  std::optional<PythonFormatter> formatter;
  if (std::string f = ScalarAt(h, "formatter"); !f.empty()) {
    const TreeNode* fn = formatters ? formatters->Find(f) : nullptr;
    if (fn == nullptr || fn->kind != TreeNode::Kind::kMap) {
      AddProblem(out, path, h.Find("formatter")->line, "no formatter named " + f);
      return;
    }
    formatter = DictFormatter(*fn);
  }
  ConfiguredLayout layout = MakeLayout(path, name, formatter ? &*formatter : nullptr, h.line, out);
  layout.file = layout.file_template = ScalarAt(h, "filename");
  out->layouts.push_back(std::move(layout));
}

}  // namespace

void ReadPythonIni(std::string_view path, std::string_view text, LoggingConfig* out) {
  std::vector<IniSection> sections = ParseIni(path, text, out);
  for (const std::string& name : IniHandlerNames(sections)) {
    const IniSection* h = FindSection(sections, "handler_" + name);
    if (h == nullptr) {
      AddProblem(out, path, 1, "no [handler_" + name + "] section");
      continue;
    }
    ReadIniHandler(path, sections, *h, name, out);
  }
  if (out->layouts.empty() && out->problems.empty()) AddProblem(out, path, 1, "no handlers");
}

void ReadPythonDict(std::string_view path, std::string_view text, bool json, LoggingConfig* out) {
  TreeNode root;
  bool ok = json ? ParseJsonTree(path, text, &root, out) : ParseYamlTree(path, text, &root, out);
  if (!ok) return;
  const TreeNode* config = DictConfigRoot(root);
  const TreeNode* handlers = config ? config->Find("handlers") : nullptr;
  if (handlers == nullptr || handlers->kind != TreeNode::Kind::kMap) {
    AddProblem(out, path, config ? config->line : 1, "no handlers: {...} mapping");
    return;
  }
  const TreeNode* formatters = config->Find("formatters");
  for (const auto& [name, h] : handlers->map) ReadDictHandler(path, formatters, name, h, out);
}

}  // namespace faultline::logging_config_internal
