// log4j2.xml and logback.xml: appenders and the patterns of their layouts / encoders.
#include <functional>

#include "parsers/logging_config_internal.h"

namespace faultline::logging_config_internal {
namespace {

constexpr std::string_view kDefaultPattern = "%m%n";  // log4j2 PatternLayout without a pattern

const XmlElement& At(const XmlDocument& doc, size_t i) { return doc.elements[i]; }

bool Named(const XmlDocument& doc, size_t i, std::string_view name) {
  return EqualsIgnoreCase(At(doc, i).name, name);
}

// Visits the elements under `top` in document order, without the walk ever entering an element
// for which `enter` says no (the element itself is still visited). Stops when `visit` returns
// true and returns that element, or 0 (the virtual root, never a match) when none did.
size_t FindBelow(const XmlDocument& doc, size_t top, const std::function<bool(size_t)>& visit,
                 const std::function<bool(size_t)>& enter = nullptr) {
  std::vector<size_t> todo(At(doc, top).children.rbegin(), At(doc, top).children.rend());
  while (!todo.empty()) {
    size_t i = todo.back();
    todo.pop_back();
    if (visit(i)) return i;
    if (enter && !enter(i)) continue;
    todo.insert(todo.end(), At(doc, i).children.rbegin(), At(doc, i).children.rend());
  }
  return 0;
}

std::string TextOf(const XmlDocument& doc, size_t i) { return std::string(Trim(At(doc, i).text)); }

// ---- log4j2.xml ----

// <Appender type="RollingFile"> in strict mode, <RollingFile> otherwise.
std::string Log4j2Type(const XmlElement& e) {
  const std::string* type = EqualsIgnoreCase(e.name, "Appender") ? XmlAttr(e, "type") : nullptr;
  return type ? *type : e.name;
}

bool IsLayout(const XmlDocument& doc, size_t i) {
  const XmlElement& e = At(doc, i);
  if (EqualsIgnoreCase(e.name, "Layout")) return XmlAttr(e, "type") != nullptr;  // strict mode
  return EndsWithIgnoreCase(e.name, "Layout");
}

bool IsPatternLayout(const XmlElement& e) {
  if (EqualsIgnoreCase(e.name, "PatternLayout")) return true;
  const std::string* type = XmlAttr(e, "type");
  return EqualsIgnoreCase(e.name, "Layout") && type && EqualsIgnoreCase(*type, "PatternLayout");
}

bool WritesThroughLayout(std::string_view type) {
  for (std::string_view t : {"Console", "File", "RollingFile", "RollingRandomAccessFile",
                             "RandomAccessFile", "MemoryMappedFile"}) {
    if (EqualsIgnoreCase(type, t)) return true;
  }
  return false;
}

// The pattern a PatternLayout element gives: its attribute, a <Pattern> child, or a pattern
// selector's default; the element it was read from goes to *where.
std::string Log4j2Pattern(const XmlDocument& doc, size_t layout, size_t* where) {
  *where = layout;
  if (const std::string* p = XmlAttr(At(doc, layout), "pattern")) return *p;
  for (size_t c : At(doc, layout).children) {
    if (Named(doc, c, "Pattern")) {
      *where = c;
      return TextOf(doc, c);
    }
  }
  size_t selector =
      FindBelow(doc, layout, [&](size_t i) { return XmlAttr(At(doc, i), "defaultPattern"); });
  if (selector != 0) {
    *where = selector;
    return *XmlAttr(At(doc, selector), "defaultPattern");
  }
  return std::string(kDefaultPattern);
}

void ReadLog4j2Appender(std::string_view path, const XmlDocument& doc, size_t appender,
                        const VarTable& vars, LoggingConfig* out) {
  const XmlElement& e = At(doc, appender);
  std::string type = Log4j2Type(e);
  size_t layout = FindBelow(doc, appender, [&](size_t i) { return IsLayout(doc, i); });
  if (layout == 0 && !WritesThroughLayout(type)) return;  // Async, Failover, Null ...
  if (layout != 0 && !IsPatternLayout(At(doc, layout))) {
    AddProblem(out, path, At(doc, layout).line,
               "appender " + type + " uses " + At(doc, layout).name + ", which has no pattern");
    return;
  }
  VarRules rules{.log4j2 = true};
  ConfiguredLayout result;
  const std::string* name = XmlAttr(e, "name");
  result.appender = name ? *name : type;
  size_t where = appender;
  result.pattern = layout ? Log4j2Pattern(doc, layout, &where) : std::string(kDefaultPattern);
  result.pattern = ResolveVars(result.pattern, vars, rules);
  result.origin = Origin(path, At(doc, where).line);
  // A Routing appender keeps its file appenders inside its routes.
  size_t with_file = XmlAttr(e, "fileName") ? appender : FindBelow(doc, appender, [&](size_t i) {
    return XmlAttr(At(doc, i), "fileName") != nullptr;
  });
  if (with_file != 0) {
    result.file_template = std::string(Trim(*XmlAttr(At(doc, with_file), "fileName")));
    result.file = std::string(Trim(ResolveVars(result.file_template, vars, rules)));
    if (const std::string* rolled = XmlAttr(At(doc, with_file), "filePattern"))
      result.rolled_file = std::string(Trim(ResolveVars(*rolled, vars, rules)));
  }
  out->layouts.push_back(std::move(result));
}

VarTable Log4j2Properties(const XmlDocument& doc) {
  VarTable vars;
  FindBelow(doc, 0, [&](size_t i) {
    const XmlElement& e = At(doc, i);
    const std::string* name = XmlAttr(e, "name");
    if (name && EqualsIgnoreCase(e.name, "Property") && Named(doc, e.parent, "Properties")) {
      const std::string* value = XmlAttr(e, "value");
      vars[*name] = value ? *value : TextOf(doc, i);
    }
    return false;
  });
  return vars;
}

// ---- logback.xml ----

VarTable LogbackProperties(const XmlDocument& doc) {
  VarTable vars;
  FindBelow(doc, 0, [&](size_t i) {
    const XmlElement& e = At(doc, i);
    const std::string* name = XmlAttr(e, "name");
    const std::string* value = XmlAttr(e, "value");
    if (EqualsIgnoreCase(e.name, "springProperty")) value = XmlAttr(e, "defaultValue");
    bool is_var = EqualsIgnoreCase(e.name, "property") || EqualsIgnoreCase(e.name, "variable") ||
                  EqualsIgnoreCase(e.name, "springProperty");
    if (is_var && name && value) vars[*name] = *value;
    return false;
  });
  return vars;
}

// The first element named `name` inside `appender`, not looking into nested appenders
// (a SiftingAppender's are read on their own).
size_t LogbackSetting(const XmlDocument& doc, size_t appender, std::string_view name) {
  return FindBelow(
      doc, appender, [&](size_t i) { return Named(doc, i, name); },
      [&](size_t i) { return !Named(doc, i, "appender"); });
}

bool IsEncoderOrLayout(const XmlDocument& doc, size_t i) {
  return Named(doc, i, "encoder") || Named(doc, i, "layout");
}

void ReadLogbackAppender(std::string_view path, const XmlDocument& doc, size_t appender,
                         const VarTable& vars, LoggingConfig* out) {
  const XmlElement& e = At(doc, appender);
  const std::string* name = XmlAttr(e, "name");
  std::string label = name ? *name : e.name;
  size_t pattern = FindBelow(
      doc, appender,
      [&](size_t i) {
        return Named(doc, i, "pattern") && IsEncoderOrLayout(doc, At(doc, i).parent);
      },
      [&](size_t i) { return !Named(doc, i, "appender"); });
  if (pattern == 0) {
    size_t encoder = FindBelow(
        doc, appender, [&](size_t i) { return IsEncoderOrLayout(doc, i); },
        [&](size_t i) { return !Named(doc, i, "appender"); });
    if (encoder != 0) {
      const std::string* cls = XmlAttr(At(doc, encoder), "class");
      AddProblem(out, path, At(doc, encoder).line,
                 "appender " + label + " has an " + At(doc, encoder).name + " without a pattern" +
                     (cls ? " (" + *cls + ")" : ""));
    }
    return;  // AsyncAppender and friends only forward events
  }
  ConfiguredLayout result;
  result.appender = label;
  result.pattern = ResolveVars(TextOf(doc, pattern), vars);
  result.origin = Origin(path, At(doc, pattern).line);
  if (size_t file = LogbackSetting(doc, appender, "file"); file != 0) {
    result.file_template = TextOf(doc, file);
    result.file = std::string(Trim(ResolveVars(result.file_template, vars)));
  }
  if (size_t rolled = LogbackSetting(doc, appender, "fileNamePattern"); rolled != 0)
    result.rolled_file = std::string(Trim(ResolveVars(TextOf(doc, rolled), vars)));
  out->layouts.push_back(std::move(result));
}

}  // namespace

void ReadLog4j2Xml(std::string_view path, std::string_view text, LoggingConfig* out) {
  XmlDocument doc = ParseXml(path, text, out);
  VarTable vars = Log4j2Properties(doc);
  FindBelow(doc, 0, [&](size_t i) {
    if (Named(doc, i, "Appenders")) {
      for (size_t appender : At(doc, i).children)
        ReadLog4j2Appender(path, doc, appender, vars, out);
    }
    return false;
  });
  if (out->layouts.empty() && out->problems.empty())
    AddProblem(out, path, 1, "no appender with a PatternLayout");
}

void ReadLogbackXml(std::string_view path, std::string_view text, LoggingConfig* out) {
  XmlDocument doc = ParseXml(path, text, out);
  VarTable vars = LogbackProperties(doc);
  FindBelow(doc, 0, [&](size_t i) {
    if (Named(doc, i, "appender")) ReadLogbackAppender(path, doc, i, vars, out);
    return false;
  });
  if (out->layouts.empty() && out->problems.empty())
    AddProblem(out, path, 1, "no appender with a pattern");
}

}  // namespace faultline::logging_config_internal
