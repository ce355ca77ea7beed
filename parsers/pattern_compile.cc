// Compiling log4j / logback / log4j2 conversion patterns and Python logging formats into the
// token list of parsers/pattern_layout.h.
#include <algorithm>
#include <cctype>

#include "parsers/pattern_layout.h"

namespace faultline {
namespace {

// "UTC", "GMT+2", "CET", "Europe/Berlin", "America/New_York": what logback takes as the zone after
// the comma of %d{format, zone}.
bool LooksLikeZoneId(std::string_view s) {
  if (s.empty()) return false;
  if (s.find('/') != std::string_view::npos) {
    for (char c : s) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
            c == '+')) {
        return false;
      }
    }
    return true;
  }
  size_t letters = 0;
  while (letters < s.size() && s[letters] >= 'A' && s[letters] <= 'Z') ++letters;
  if (letters < 2) return false;
  for (size_t i = letters; i < s.size(); ++i) {
    if (!(std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' ||
          s[i] == ':')) {
      return false;
    }
  }
  return true;
}

using Kind = CompiledLayout::Kind;
using Role = CompiledLayout::Role;
using Token = CompiledLayout::Token;

// What a conversion word turns into.
struct Conversion {
  std::string_view name;
  Kind kind;
  Role role;
};

// log4j 1.x single letters, logback and log4j2 words. Kinds decide how the text is read back.
constexpr Conversion kJavaConversions[] = {
    {"d", Kind::kDate, Role::kTime},           {"date", Kind::kDate, Role::kTime},
    {"p", Kind::kLevel, Role::kLevel},         {"le", Kind::kLevel, Role::kLevel},
    {"level", Kind::kLevel, Role::kLevel},     {"c", Kind::kWord, Role::kLogger},
    {"lo", Kind::kWord, Role::kLogger},        {"logger", Kind::kWord, Role::kLogger},
    {"C", Kind::kWord, Role::kClass},          {"class", Kind::kWord, Role::kClass},
    {"t", Kind::kText, Role::kThread},         {"thread", Kind::kText, Role::kThread},
    {"tn", Kind::kText, Role::kThread},        {"threadName", Kind::kText, Role::kThread},
    {"T", Kind::kNumber, Role::kNone},         {"tid", Kind::kNumber, Role::kNone},
    {"threadId", Kind::kNumber, Role::kNone},  {"tp", Kind::kNumber, Role::kNone},
    {"L", Kind::kNumber, Role::kLine},         {"line", Kind::kNumber, Role::kLine},
    {"M", Kind::kWord, Role::kNone},           {"method", Kind::kWord, Role::kNone},
    {"F", Kind::kWord, Role::kNone},           {"file", Kind::kWord, Role::kNone},
    {"l", Kind::kText, Role::kLocation},       {"location", Kind::kText, Role::kLocation},
    {"caller", Kind::kText, Role::kNone},      {"m", Kind::kMessage, Role::kMessage},
    {"msg", Kind::kMessage, Role::kMessage},   {"message", Kind::kMessage, Role::kMessage},
    {"r", Kind::kNumber, Role::kNone},         {"relative", Kind::kNumber, Role::kNone},
    {"sn", Kind::kNumber, Role::kNone},        {"sequenceNumber", Kind::kNumber, Role::kNone},
    {"pid", Kind::kNumber, Role::kNone},       {"processId", Kind::kNumber, Role::kNone},
    {"N", Kind::kNumber, Role::kNone},         {"nano", Kind::kNumber, Role::kNone},
    {"X", Kind::kText, Role::kNone},           {"mdc", Kind::kText, Role::kNone},
    {"MDC", Kind::kText, Role::kNone},         {"K", Kind::kText, Role::kNone},
    {"map", Kind::kText, Role::kNone},         {"x", Kind::kText, Role::kNone},
    {"NDC", Kind::kText, Role::kNone},         {"ndc", Kind::kText, Role::kNone},
    {"marker", Kind::kText, Role::kNone},      {"markerSimpleName", Kind::kText, Role::kNone},
    {"kvp", Kind::kText, Role::kNone},         {"u", Kind::kWord, Role::kNone},
    {"uuid", Kind::kWord, Role::kNone},        {"cn", Kind::kWord, Role::kNone},
    {"contextName", Kind::kWord, Role::kNone}, {"property", Kind::kWord, Role::kNone},
};

// Conversions that write nothing on a header line: the line end, and throwables (whose text is
// continuation lines).
constexpr std::string_view kSilentConversions[] = {
    "n",          "ex",           "exception",    "throwable",     "xEx",  "xException",
    "xThrowable", "rEx",          "rException",   "rThrowable",    "wEx",  "wex",
    "nopex",      "nopexception", "extThrowable", "rootException", "xwEx",
};

// Conversions that wrap a sub-pattern and only colour, encode or cut it: their first argument is
// read as part of the pattern ("%highlight{%-5level}", "%red(%d)").
constexpr std::string_view kWrappers[] = {
    "highlight",
    "style",
    "enc",
    "encode",
    "maxLen",
    "maxLength",
    "notEmpty",
    "varsNotEmpty",
    "variablesNotEmpty",
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "gray",
    "boldRed",
    "boldGreen",
    "boldYellow",
    "boldBlue",
    "boldMagenta",
    "boldCyan",
    "boldWhite",
    "replace",
    "equals",
    "equalsIgnoreCase",
    "",
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

class Compiler {
 public:
  Compiler(std::vector<Token>* tokens, std::string* error) : tokens_(tokens), error_(error) {}

  void Literal(char c) {
    // Text after an optional group starts a token of its own: merged into the group's last
    // literal it would become optional too.
    bool open = !tokens_->empty() && !sealed_;
    sealed_ = false;
    if (IsBlank(c)) {
      if (!open || tokens_->back().kind != Kind::kBlank) Push(Kind::kBlank, Role::kNone, "");
      if (c == '\t') tokens_->back().tab = true;
      return;
    }
    if (!open || tokens_->back().kind != Kind::kLiteral) Push(Kind::kLiteral, Role::kNone, "");
    tokens_->back().text += c;
  }

  Token& Field(Kind kind, Role role, bool padded, std::string name) {
    sealed_ = false;
    Token& token = Push(kind, role, std::move(name));
    token.padded = padded;
    return token;
  }

  Token& Push(Kind kind, Role role, std::string name) {
    Token token;
    token.kind = kind;
    token.role = role;
    token.name = std::move(name);
    tokens_->push_back(std::move(token));
    return tokens_->back();
  }

  void Seal() { sealed_ = true; }

  bool Fail(size_t column, const std::string& why) {
    *error_ = "column " + std::to_string(column + 1) + ": " + why;
    return false;
  }

  std::vector<Token>* tokens_;
  std::string* error_;
  std::string date_format;  // the first %d's format
  bool has_date = false;
  int thread_id_token = -1;  // the first %T / %tid

 private:
  bool sealed_ = false;
};

// Reads "{...}" at p (nested braces allowed); false when there is none.
bool ReadBraced(std::string_view s, size_t* p, std::string_view* inside, char open = '{',
                char close = '}') {
  if (*p >= s.size() || s[*p] != open) return false;
  int depth = 0;
  for (size_t i = *p; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      ++i;
      continue;
    }
    if (s[i] == open) ++depth;
    if (s[i] == close && --depth == 0) {
      *inside = s.substr(*p + 1, i - *p - 1);
      *p = i + 1;
      return true;
    }
  }
  return false;
}

bool CompileJava(std::string_view s, Compiler* c, int depth);

// One "%..." conversion at s[p] (p just after '%').
bool CompileJavaConversion(std::string_view s, size_t* p, Compiler* c, int depth) {
  size_t start = *p - 1;
  size_t i = *p;
  // Format modifier: "-5", "5", ".30", "-20.30", "20.-30".
  bool padded = false, cut_left = false;
  if (i < s.size() && s[i] == '-') ++i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, padded = true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    cut_left = i < s.size() && s[i] != '-';  // ".-30" cuts from the right instead
    if (i < s.size() && s[i] == '-') ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  }
  size_t word_start = i;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  std::string_view letters = s.substr(word_start, i - word_start);
  // The longest known conversion that starts the letters ("%msg" not "%m" + "sg", but "%dZ").
  std::string_view word;
  const Conversion* conversion = nullptr;
  bool silent = false, wrapper = false;
  for (size_t n = letters.size(); n > 0 && word.empty(); --n) {
    std::string_view candidate = letters.substr(0, n);
    for (const Conversion& known : kJavaConversions) {
      if (known.name == candidate) conversion = &known, word = candidate;
    }
    for (std::string_view known : kSilentConversions) {
      if (known == candidate) silent = true, word = candidate;
    }
    for (std::string_view known : kWrappers) {
      if (!known.empty() && known == candidate) wrapper = true, word = candidate;
    }
  }
  if (letters.empty() && i < s.size() && s[i] == '(') wrapper = true;  // logback's %(...) group
  if (word.empty() && !wrapper) {
    if (letters.empty()) return c->Fail(start, "'%' is not followed by a conversion");
    return c->Fail(start, "unknown conversion %" + std::string(letters));
  }
  i = word_start + word.size();
  std::string name(s.substr(start, i - start));
  if (wrapper) {
    std::string_view inside;
    if (!ReadBraced(s, &i, &inside) && !ReadBraced(s, &i, &inside, '(', ')')) {
      return c->Fail(start, "%" + std::string(word) + " needs {pattern} or (pattern)");
    }
    if (depth > 8) return c->Fail(start, "patterns nested too deep");
    // %notEmpty{...} writes its sub-pattern only when a conversion in it has a value: the line
    // may lack all of it ("%pid%notEmpty{(%t)}" for the ZooKeeper C client's thread).
    bool optional = word == "notEmpty" || word == "varsNotEmpty" || word == "variablesNotEmpty";
    size_t group = c->tokens_->size();
    if (optional) c->Field(Kind::kOptional, Role::kNone, false, name);
    if (!CompileJava(inside, c, depth + 1)) return false;
    if (optional) {
      (*c->tokens_)[group].skip = c->tokens_->size();
      c->Seal();
    }
    std::string_view options;
    while (ReadBraced(s, &i, &options)) {  // "{red}", "{'regex'}{'replacement'}"
    }
    *p = i;
    return true;
  }
  std::string_view option;
  bool has_option = ReadBraced(s, &i, &option);
  std::string_view more;
  while (ReadBraced(s, &i, &more)) {  // %d{format}{zone}, %level{WARN=W}{length=1}
  }
  *p = i;
  if (silent) return true;
  if (conversion->kind == Kind::kDate) {
    if (c->has_date) return c->Fail(start, "only one date per pattern is read");
    c->has_date = true;
    // logback "%d{yyyy-MM-dd HH:mm:ss, UTC}": the zone after the comma is not the format.
    std::string_view format = has_option ? option : std::string_view{};
    // java.util.logging's "MMM dd, yyyy h:mm:ss a" has a comma of its own: only a zone id
    // ("UTC", "GMT+2", "Europe/Berlin") after it is cut.
    if (size_t comma = format.find(", ");
        comma != std::string_view::npos && LooksLikeZoneId(format.substr(comma + 2))) {
      format = format.substr(0, comma);
    }
    if (format.size() >= 2 && format.front() == '"' && format.back() == '"') {
      format = format.substr(1, format.size() - 2);
    }
    c->date_format = std::string(format);
  }
  Role role = conversion->role;
  if (role == Role::kNone && conversion->kind == Kind::kText && has_option && option == "myid") {
    role = Role::kMyid;  // ZooKeeper's "[myid:%X{myid}]"
  }
  // "%X{logger}": a logger name with characters a Java name has not ("mio_extras::timer",
  // "akka.cluster.Cluster(akka://app)"), as the layout inference writes it (infer_layout.h).
  if (role == Role::kNone && conversion->kind == Kind::kText && has_option && option == "logger") {
    role = Role::kLogger;
  }
  if (c->thread_id_token < 0 && (word == "T" || word == "tid" || word == "threadId")) {
    c->thread_id_token = static_cast<int>(c->tokens_->size());
  }
  Token& token = c->Field(conversion->kind, role, padded, std::move(name));
  token.cut_left = cut_left;
  // log4j2's %level{length=1} ("I", "W", "E"); %c{1.} abbreviates every package to its initial.
  if (token.kind == Kind::kLevel && option.find("length=1") != std::string_view::npos) {
    token.short_form = true;
  }
  if (token.kind == Kind::kLevel && option == "symbol") token.symbol = true;
  if (token.kind == Kind::kText && has_option && option == "spans") token.spans = true;
  if (role == Role::kLogger && option.size() >= 2 && option.back() == '.' &&
      option.find_first_not_of("0123456789") == option.size() - 1) {
    token.short_form = true;
  }
  return true;
}

bool CompileJava(std::string_view s, Compiler* c, int depth) {
  for (size_t i = 0; i < s.size();) {
    char ch = s[i];
    if (ch == '\\' && i + 1 < s.size()) {  // logback escapes "\(" and "\)"; "\n", "\t" as text
      char next = s[i + 1];
      c->Literal(next == 't' ? '\t' : next == 'n' ? ' ' : next);
      i += 2;
      continue;
    }
    if (ch != '%') {
      if (ch != '\n' && ch != '\r') c->Literal(ch);
      ++i;
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '%') {
      c->Literal('%');
      i += 2;
      continue;
    }
    ++i;
    if (!CompileJavaConversion(s, &i, c, depth)) return false;
  }
  return true;
}

// Python's attribute names.
bool PythonField(std::string_view attribute, bool padded, std::string name, Compiler* c) {
  struct Attr {
    std::string_view name;
    Kind kind;
    Role role;
  };
  static constexpr Attr kAttrs[] = {
      {"asctime", Kind::kDate, Role::kTime},
      {"created", Kind::kDate, Role::kTime},
      {"levelname", Kind::kLevel, Role::kLevel},
      {"levelno", Kind::kNumber, Role::kNone},
      {"name", Kind::kWord, Role::kLogger},
      {"module", Kind::kWord, Role::kNone},
      {"filename", Kind::kWord, Role::kNone},
      {"pathname", Kind::kWord, Role::kNone},
      {"funcName", Kind::kWord, Role::kNone},
      {"lineno", Kind::kNumber, Role::kLine},
      {"process", Kind::kNumber, Role::kNone},
      {"thread", Kind::kNumber, Role::kNone},
      {"threadName", Kind::kText, Role::kThread},
      {"processName", Kind::kWord, Role::kNone},
      {"taskName", Kind::kWord, Role::kNone},
      {"msecs", Kind::kNumber, Role::kNone},
      {"relativeCreated", Kind::kNumber, Role::kNone},
      {"message", Kind::kMessage, Role::kMessage},
  };
  for (const Attr& attr : kAttrs) {
    if (attr.name != attribute) continue;
    if (attr.kind == Kind::kDate) {
      if (c->has_date) return c->Fail(0, "only one date per format is read");
      c->has_date = true;
      if (attribute == "created") c->date_format = "%s";
    }
    c->Field(attr.kind, attr.role, padded, std::move(name));
    return true;
  }
  // An attribute an application adds with a Filter or `extra=`: text of its own.
  c->Field(Kind::kText, Role::kNone, padded, std::move(name));
  return true;
}

bool CompilePercentStyle(std::string_view s, Compiler* c) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '%') {
      if (s[i] != '\n') c->Literal(s[i]);
      ++i;
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '%') {
      c->Literal('%');
      i += 2;
      continue;
    }
    if (i + 1 >= s.size() || s[i + 1] != '(') return c->Fail(i, "expected %(name)s");
    size_t close = s.find(')', i + 2);
    if (close == std::string_view::npos) return c->Fail(i, "unterminated %(");
    std::string_view attribute = s.substr(i + 2, close - i - 2);
    size_t j = close + 1;
    bool padded = false;
    while (j < s.size() && std::string_view("-#0 +").find(s[j]) != std::string_view::npos) ++j;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j, padded = true;
    if (j < s.size() && s[j] == '.') {
      ++j;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    }
    if (j >= s.size() || std::string_view("sdifrxXeEgGc").find(s[j]) == std::string_view::npos) {
      return c->Fail(i, "%(" + std::string(attribute) + ") needs a type letter such as 's'");
    }
    ++j;
    if (!PythonField(attribute, padded, std::string(s.substr(i, j - i)), c)) return false;
    i = j;
  }
  return true;
}

// str.format style ("{asctime} {levelname:<8} {message}") and string.Template ("$asctime").
bool CompileBraceOrDollarStyle(std::string_view s, bool dollar, Compiler* c) {
  for (size_t i = 0; i < s.size();) {
    char open = dollar ? '$' : '{';
    if (s[i] != open) {
      if (!dollar && s[i] == '}' && i + 1 < s.size() && s[i + 1] == '}') ++i;
      if (s[i] != '\n') c->Literal(s[i]);
      ++i;
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == open) {
      c->Literal(open);
      i += 2;
      continue;
    }
    size_t start = i, j = i + 1;
    bool braced = !dollar || (j < s.size() && s[j] == '{');
    if (dollar && braced) ++j;
    size_t name_start = j;
    while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
    std::string_view attribute = s.substr(name_start, j - name_start);
    bool padded = false;
    if (braced) {
      size_t close = s.find('}', j);
      if (close == std::string_view::npos) return c->Fail(start, "unterminated {");
      std::string_view spec = s.substr(j, close - j);  // ":<8", "!r"
      padded = spec.find_first_of("0123456789") != std::string_view::npos;
      j = close + 1;
    }
    if (attribute.empty()) return c->Fail(start, "empty field name");
    if (!PythonField(attribute, padded, std::string(s.substr(start, j - start)), c)) return false;
    i = j;
  }
  return true;
}

// "%(asctime)s,%(msecs)03d" (and '.'): the milliseconds belong to the time.
std::string FoldMsecsIntoDatefmt(std::string* pattern, std::string_view datefmt) {
  std::string fmt(datefmt.empty() ? "%Y-%m-%d %H:%M:%S" : datefmt);
  for (std::string_view sep : {",", "."}) {
    std::string needle = "%(asctime)s" + std::string(sep) + "%(msecs)";
    size_t at = pattern->find(needle);
    if (at == std::string::npos) continue;
    size_t type = pattern->find_first_of("dfs", at + needle.size());
    if (type == std::string::npos) continue;
    pattern->erase(at + 11, type + 1 - (at + 11));
    return fmt + std::string(sep) + "%f";
  }
  return std::string(datefmt);
}

// The bytes a line may start with when it is read by `tokens`: what the first token can start
// with, or every byte when that is not plain (a name, a thread, an optional group).
std::array<bool, 256> FirstBytes(const std::vector<Token>& tokens, const DateFormat& date) {
  std::array<bool, 256> bytes{};
  auto add_range = [&](char from, char to) {
    for (int c = from; c <= to; ++c) bytes[c] = true;
  };
  auto add_blanks = [&] { bytes[' '] = bytes['\t'] = true; };
  const Token& first = tokens.front();
  if (first.padded) add_blanks();
  switch (first.kind) {
    case Kind::kLiteral:
      bytes[static_cast<unsigned char>(first.text[0])] = true;
      return bytes;
    case Kind::kBlank:
      add_blanks();
      return bytes;
    case Kind::kLevel:
      add_range('A', 'Z');
      add_range('a', 'z');
      add_range('0', '7');  // a syslog severity ("7|2019-07-30 ...": .NET's librdkafka lines)
      return bytes;
    case Kind::kDate: {
      using Field = DateFormat::Field;
      if (date.parts().empty()) break;
      const DateFormat::Part& part = date.parts().front();
      switch (part.field) {
        case Field::kLiteral:
          bytes[static_cast<unsigned char>(part.literal)] = true;
          return bytes;
        case Field::kMonthName:
        case Field::kWeekday:
        case Field::kAmPm:
        case Field::kZone:
          add_range('A', 'Z');
          add_range('a', 'z');
          return bytes;
        case Field::kBlank:
          add_blanks();
          return bytes;
        default:  // digits, maybe a space-padded day or hour
          add_range('0', '9');
          bytes[' '] = true;
          return bytes;
      }
    }
    default:
      break;
  }
  bytes.fill(true);
  return bytes;
}

}  // namespace

std::unique_ptr<CompiledLayout> CompileLayout(std::string_view pattern, PatternSyntax syntax,
                                              std::string_view datefmt, std::string* error) {
  auto layout = std::make_unique<CompiledLayout>();
  layout->pattern_ = std::string(pattern);
  layout->syntax_ = syntax;
  Compiler c(&layout->tokens_, error);
  std::string text(pattern);
  bool ok;
  if (syntax == PatternSyntax::kLog4j) {
    ok = CompileJava(text, &c, 0);
  } else {
    std::string fmt = FoldMsecsIntoDatefmt(&text, datefmt);
    if (text.find("%(") != std::string::npos) {
      ok = CompilePercentStyle(text, &c);
    } else if (text.find('{') != std::string::npos) {
      ok = CompileBraceOrDollarStyle(text, false, &c);
    } else if (text.find('$') != std::string::npos) {
      ok = CompileBraceOrDollarStyle(text, true, &c);
    } else {
      ok = c.Fail(0, "no %(name)s, {name} or $name field in the format");
    }
    if (c.date_format != "%s") c.date_format = fmt;
  }
  if (!ok) return nullptr;
  // Blanks at the end of a pattern ("%m %n") are not looked for.
  while (!layout->tokens_.empty() && layout->tokens_.back().kind == Kind::kBlank) {
    layout->tokens_.pop_back();
  }
  // An optional group that ended with those blanks ends where the tokens now do.
  for (CompiledLayout::Token& token : layout->tokens_) {
    if (token.kind == Kind::kOptional) token.skip = std::min(token.skip, layout->tokens_.size());
  }
  if (layout->tokens_.empty()) {
    *error = "the pattern has no fields";
    return nullptr;
  }
  bool date_ok = true;
  if (c.has_date) {
    date_ok = syntax == PatternSyntax::kLog4j
                  ? CompileJavaDate(c.date_format, &layout->date_, error)
                  : CompilePythonDate(c.date_format, &layout->date_, error);
  }
  if (!date_ok) return nullptr;
  layout->first_bytes_ = FirstBytes(layout->tokens_, layout->date_);
  bool has_thread = false;
  for (const Token& token : layout->tokens_) {
    if (token.kind == Kind::kDate) layout->has_time_ = true;
    if (token.kind == Kind::kLevel) layout->has_level_ = true;
    if (token.role == Role::kThread) has_thread = true;
  }
  auto& tokens = layout->tokens_;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& token = tokens[i];
    // Without a thread name, a thread id is the thread (glog, ClickHouse: "%tid"). A process id
    // never is.
    if (!has_thread && c.thread_id_token == static_cast<int>(i)) {
      token.role = Role::kThread;
      has_thread = true;
    }
    // "%c: %m": a logger before ": " and the message is read up to the first ": ", so a source
    // name with blanks reads whole (ClickHouse's "Table (StorageReplicatedMergeTree): msg"). A
    // padded logger's blanks are its padding, so it holds none: hclog's "[WARN]  failed to unseal
    // core: error=..." has no logger for inference's "%-1c: %m" (Moleculer's "a/B: msg" has one).
    if (syntax == PatternSyntax::kLog4j && token.kind == Kind::kWord &&
        token.role == Role::kLogger && !token.short_form && i + 4 == tokens.size() &&
        tokens[i + 1].kind == Kind::kLiteral && tokens[i + 1].text == ":" &&
        tokens[i + 2].kind == Kind::kBlank && tokens[i + 3].kind == Kind::kMessage) {
      token.kind = Kind::kText;
      token.one_word = token.padded;
    }
  }
  return layout;
}

}  // namespace faultline
