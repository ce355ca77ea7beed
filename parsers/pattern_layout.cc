#include "parsers/pattern_layout.h"

#include <algorithm>
#include <array>
#include <type_traits>

#include "parsers/scan_util.h"

namespace faultline {
namespace {

using Kind = CompiledLayout::Kind;
using Role = CompiledLayout::Role;

// Attempts per line: the few ambiguous fields backtrack over at most this many choices in all,
// so a hostile line costs a bounded amount.
constexpr int kStepBudget = 256;

constexpr size_t kMaxName = 255;

// Where a terminal or a browser puts a tab's end when it turns the tab into blanks.
constexpr size_t kTabStop = 8;

inline bool IsBlank(char c) { return c == ' ' || c == '\t'; }

size_t SkipBlanks(std::string_view s, size_t pos) {
  while (pos < s.size() && IsBlank(s[pos])) ++pos;
  return pos;
}

// Characters of a Java logger, class, file or method name as layouts print them, as a table: the
// test runs on every character of every name.
constexpr std::array<bool, 256> kJavaNameChars = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    char ch = static_cast<char>(c);
    table[c] =
        scan::IsIdentChar(ch) || ch == '.' || ch == '-' || ch == '<' || ch == '>' || c >= 0x80;
  }
  return table;
}();
inline bool JavaNameChar(char c) { return kJavaNameChars[static_cast<unsigned char>(c)]; }

// Brackets and parentheses, which a thread or MDC value may hold balanced.
constexpr std::array<bool, 256> kBrackets = [] {
  std::array<bool, 256> table{};
  table['['] = table[']'] = table['('] = table[')'] = true;
  return table;
}();

}  // namespace

bool ParseServerLevelWord(std::string_view word, Level* level) {
  // ClickHouse's and Poco's "Information", syslog's "notice" (nginx's "[notice]", Poco's
  // "Notice") are INFO; PostgreSQL writes its ordinary messages as "LOG:" and its worst as
  // "PANIC:" (in capitals only: "Log" and "log" begin prose).
  if (word == "Information" || word == "notice" || word == "Notice" || word == "NOTICE" ||
      word == "LOG") {
    return *level = Level::kInfo, true;
  }
  if (word == "PANIC") return *level = Level::kFatal, true;
  // .NET's console logger: "fail:" is Error ("crit:" and "info:" ParseLevel reads).
  if (word == "fail") return *level = Level::kError, true;
  // Jetty's StdErrLog writes "DBUG"; MySQL's error log "[Note]" for its ordinary messages.
  if (word == "dbug" || word == "DBUG") return *level = Level::kDebug, true;
  if (word == "Note") return *level = Level::kInfo, true;
  if (word == "trce") return *level = Level::kTrace, true;
  // The Tanuki Java Service Wrapper's own levels between INFO and WARN: "STATUS" (the wrapper's
  // state), "ADVICE" (its hints after a failure).
  if (word == "STATUS" || word == "ADVICE") return *level = Level::kInfo, true;
  return false;
}

namespace {

// A level name as layouts spell it: the usual names (ParseLevel), the servers' own words
// (ParseServerLevelWord), stunnel's syslog severity "LOG0".."LOG7" and librdkafka's "%7",
// and Python's "Level 5" for a number without a name (kazoo's BLATHER is 5). Returns the end of
// the name, or `start` when there is none.
size_t ReadLevelName(std::string_view s, size_t start, bool python, Level* level) {
  size_t end = scan::LetterWordEnd(s, start);
  std::string_view word = s.substr(start, end - start);
  if (scan::Log4jLevel(word, level)) return end;  // the common case, without case folding
  if (word.size() >= 3 && word.size() <= 8 && ParseLevel(word, level)) return end;
  constexpr Level kSeverity[] = {Level::kFatal, Level::kFatal, Level::kFatal, Level::kError,
                                 Level::kWarn,  Level::kInfo,  Level::kInfo,  Level::kDebug};
  if (word == "LOG" && end < s.size() && s[end] >= '0' && s[end] <= '7') {
    *level = kSeverity[s[end] - '0'];
    return end + 1;
  }
  // A syslog severity after '%', as librdkafka writes it ("%7|1608570438.367|FETCH|...").
  if (word.empty() && start > 0 && s[start - 1] == '%' && start < s.size() && s[start] >= '0' &&
      s[start] <= '7' && (start + 1 == s.size() || !scan::IsDigit(s[start + 1]))) {
    *level = kSeverity[s[start] - '0'];
    return start + 1;
  }
  // A bare severity that starts the line before '|', as Confluent's .NET client prints
  // librdkafka's lines ("7|2019-07-30 09:34:01.684|rdkafka#producer-1|FAIL| ...").
  if (word.empty() && start == 0 && s.size() > 1 && s[0] >= '0' && s[0] <= '7' && s[1] == '|') {
    *level = kSeverity[s[0] - '0'];
    return 1;
  }
  // RFC 5424's and 3164's priority opening the line, facility * 8 + severity ("<46>1 2016-...").
  if (word.empty() && start == 1 && s[0] == '<') {
    size_t digits = start;
    int priority = 0;
    while (digits < s.size() && scan::IsDigit(s[digits]) && digits - start < 3) {
      priority = priority * 10 + (s[digits++] - '0');
    }
    if (digits > start && digits < s.size() && s[digits] == '>' && priority < 192) {
      *level = kSeverity[priority % 8];
      return digits;
    }
  }
  if (ParseServerLevelWord(word, level)) return end;
  // MySQL 8's "[System]" (startup and shutdown notes): INFO, in its brackets only.
  if (word == "System" && start > 0 && s[start - 1] == '[' && end < s.size() && s[end] == ']') {
    return *level = Level::kInfo, end;
  }
  if (python && word == "Level" && end + 1 < s.size() && s[end] == ' ' &&
      scan::IsDigit(s[end + 1])) {
    size_t digits = end + 1;
    int number = 0;
    while (digits < s.size() && scan::IsDigit(s[digits]) && number < 1000) {
      number = number * 10 + (s[digits++] - '0');
    }
    *level = number < 10   ? Level::kTrace
             : number < 20 ? Level::kDebug
             : number < 30 ? Level::kInfo
             : number < 40 ? Level::kWarn
             : number < 50 ? Level::kError
                           : Level::kFatal;
    return digits;
  }
  return start;
}

// %level{length=1}: the initial of a level name (glog's I, W, E, F; capnslog's N and C too).
bool ReadLevelInitial(char c, Level* level) {
  switch (c) {
    case 'T':
      *level = Level::kTrace;
      return true;
    case 'D':
      *level = Level::kDebug;
      return true;
    case 'I':
    case 'N':  // capnslog's (etcd's) notice
      *level = Level::kInfo;
      return true;
    case 'W':
      *level = Level::kWarn;
      return true;
    case 'E':
      *level = Level::kError;
      return true;
    case 'F':
    case 'C':  // capnslog's critical
      *level = Level::kFatal;
      return true;
    default:
      return false;
  }
}

// %p{symbol}: Redis' level character (its verbose and debug both DEBUG, notice INFO).
bool ReadLevelSymbol(char c, Level* level) {
  switch (c) {
    case '.':
    case '-':
      *level = Level::kDebug;
      return true;
    case '*':
      *level = Level::kInfo;
      return true;
    case '#':
      *level = Level::kWarn;
      return true;
    default:
      return false;
  }
}

// What %c{1.} writes: packages cut to their initial, at least one of them ("o.a.z.ClientCnxn").
bool AbbreviatedLogger(std::string_view name) {
  size_t last_dot = name.rfind('.');
  if (last_dot == std::string_view::npos || last_dot + 1 == name.size()) return false;
  size_t segment = 0;
  for (size_t i = 0; i < last_dot; ++i) {
    if (name[i] == '.') {
      if (segment == 0) return false;
      segment = 0;
    } else if (++segment > 1) {
      return false;
    }
  }
  return segment == 1;
}

size_t TrimRight(std::string_view s, size_t begin, size_t end) {
  while (end > begin && (IsBlank(s[end - 1]) || s[end - 1] == '\r')) --end;
  return end;
}

}  // namespace

struct CompiledLayout::State {
  std::string_view s;
  int steps = 0;
  size_t best_column = 0;
  const char* best_why = "";
  ScannedTime time;
  bool has_time = false;
  Level level = Level::kUnknown;
  struct Capture {
    size_t begin = 0, end = 0;
    bool set = false;
  };
  Capture captures[static_cast<int>(Role::kMyid) + 1];

  /// The line has no tab: its tabs, if it had any, were expanded to blanks (asked only where
  /// the pattern writes a tab, so most lines never scan for one).
  bool TabsExpanded() {
    if (tabs_expanded < 0) tabs_expanded = s.find('\t') == std::string_view::npos;
    return tabs_expanded == 1;
  }
  int tabs_expanded = -1;

  bool Fail(size_t column, const char* why) {
    if (column >= best_column) best_column = column, best_why = why;
    return false;
  }
  void Capture(Role role, size_t begin, size_t end) {
    captures[static_cast<int>(role)] = {begin, end, true};
  }
  std::string_view Text(Role role) const {
    const auto& c = captures[static_cast<int>(role)];
    return c.set ? s.substr(c.begin, c.end - c.begin) : std::string_view{};
  }
};

bool CompiledLayout::SameAs(const CompiledLayout& other) const {
  auto same_token = [](const Token& a, const Token& b) {
    return a.kind == b.kind && a.role == b.role && a.padded == b.padded &&
           a.short_form == b.short_form && a.symbol == b.symbol && a.spans == b.spans &&
           a.tab == b.tab && a.skip == b.skip && a.text == b.text;
  };
  return syntax_ == other.syntax_ && date_.SameAs(other.date_) &&
         std::equal(tokens_.begin(), tokens_.end(), other.tokens_.begin(), other.tokens_.end(),
                    same_token);
}

bool CompiledLayout::Match(std::string_view line, Header* out, Miss* miss) const {
  if (!line.empty() && !first_bytes_[static_cast<unsigned char>(line[0])]) {
    miss->column = 0;
    miss->why = "the line does not start as this pattern does";
    return false;
  }
  State state;
  state.s = line;
  if (!MatchFrom(0, 0, &state)) {
    miss->column = static_cast<int>(state.best_column);
    miss->why = state.best_why;
    return false;
  }
  *out = Header{};
  if (state.has_time) {
    out->local = state.time.local;
    out->has_offset = state.time.has_offset;
    out->utc_offset_us = state.time.offset_us;
    out->precision = state.time.precision;
    out->no_date = !date_.has_date();
    out->no_year = !out->no_date && !date_.has_year();
  }
  out->level = state.level;
  out->logger = state.Text(Role::kLogger);
  if (out->logger.empty()) out->logger = state.Text(Role::kClass);
  if (out->logger.empty()) {  // %l: "org.apache.Foo.method(Foo.java:93)" names the class
    std::string_view location = state.Text(Role::kLocation);
    size_t paren = location.find('(');
    size_t dot = location.substr(0, paren).rfind('.');
    if (paren != std::string_view::npos && dot != std::string_view::npos) {
      out->logger = location.substr(0, dot);
    }
  }
  out->thread = state.Text(Role::kThread);
  out->message = state.Text(Role::kMessage);
  out->code_line = scan::ParseSmallInt(state.Text(Role::kLine));
  int myid = scan::ParseSmallInt(state.Text(Role::kMyid));
  if (myid < 0) {  // ZooKeeper's thread names carry it: "QuorumPeer[myid=2](plain=...)"
    size_t at = out->thread.find("myid=");
    if (at != std::string_view::npos) {
      size_t end = at + 5;
      while (end < out->thread.size() && scan::IsDigit(out->thread[end])) ++end;
      myid = scan::ParseSmallInt(out->thread.substr(at + 5, end - at - 5));
    }
  }
  out->myid = myid;
  return true;
}

// Tokens whose end is plain (literal text, blanks, a date, a level, a number) are read in a loop;
// only the fields whose end must be searched for, and optional groups, branch.
bool CompiledLayout::MatchFrom(size_t index, size_t pos, State* state) const {
  std::string_view s = state->s;
  const size_t count = tokens_.size();
  for (;; ++index) {
    if (++state->steps > kStepBudget) return state->Fail(pos, "too ambiguous to read");
    if (index == count) {
      if (SkipBlanks(s, pos) >= s.size() || (pos + 1 == s.size() && s[pos] == '\r')) return true;
      return state->Fail(pos, "text after the end of the pattern");
    }
    const Token& token = tokens_[index];
    switch (token.kind) {
      case Kind::kLiteral:
        if (pos >= s.size() || s[pos] != token.text[0] || !scan::StartsWithAt(s, pos, token.text)) {
          return state->Fail(pos, "the pattern's literal text is not here");
        }
        pos += token.text.size();
        continue;
      case Kind::kBlank: {
        size_t end = SkipBlanks(s, pos);
        bool after_padding = pos > 0 && IsBlank(s[pos - 1]);
        if (end == pos && !after_padding && pos < s.size()) {
          return state->Fail(pos, "expected a blank");
        }
        // A tab the pattern writes between fields is one in the line: a tab-separated layout
        // (Airlift's thread and logger) must not take the words of a message as its fields.
        // In a line with no tab at all, blanks up to a tab stop are one a terminal or a web page
        // expanded ("...966Z        INFO    main    io.trino..."); fewer would be a message's.
        if (token.tab && end > pos &&
            s.substr(pos, end - pos).find('\t') == std::string_view::npos &&
            !(end % kTabStop == 0 && state->TabsExpanded())) {
          return state->Fail(pos, "expected a tab");
        }
        pos = end;
        continue;
      }
      case Kind::kDate: {
        size_t start = token.padded ? SkipBlanks(s, pos) : pos, end = start;
        if (!date_.Read(s, start, &state->time, &end)) {
          return state->Fail(end, "no time of this pattern's date format here");
        }
        state->has_time = true;
        pos = end;
        continue;
      }
      case Kind::kLevel: {
        size_t start = token.padded ? SkipBlanks(s, pos) : pos;
        size_t end = start;
        if (token.short_form) {
          if (start < s.size() && ReadLevelInitial(s[start], &state->level)) end = start + 1;
        } else if (token.symbol) {
          if (start < s.size() && ReadLevelSymbol(s[start], &state->level)) end = start + 1;
        } else {
          end = ReadLevelName(s, start, syntax_ == PatternSyntax::kPython, &state->level);
        }
        if (end == start) return state->Fail(start, "no level name here");
        pos = token.padded ? SkipBlanks(s, end) : end;
        continue;
      }
      case Kind::kOptional: {
        // What a failed attempt at the group read must not stay.
        Level level = state->level;
        auto captures = std::to_array(state->captures);
        if (MatchFrom(index + 1, pos, state)) return true;
        if (state->steps > kStepBudget) return false;
        state->level = level;
        std::copy(captures.begin(), captures.end(), state->captures);
        return MatchFrom(token.skip, pos, state);
      }
      case Kind::kNumber: {
        size_t start = token.padded ? SkipBlanks(s, pos) : pos, end = start;
        if (end < s.size() && s[end] == '?') ++end;
        while (end < s.size() && (scan::IsDigit(s[end]) || s[end] == '-')) ++end;
        if (end == start) return state->Fail(start, "no number here");
        state->Capture(token.role, start, end);
        pos = token.padded ? SkipBlanks(s, end) : end;
        continue;
      }
      case Kind::kWord:
      case Kind::kText:
      case Kind::kMessage:
        return MatchField(index,
                          token.padded && token.kind != Kind::kMessage ? SkipBlanks(s, pos) : pos,
                          s.size(), state);
    }
    return false;
  }
}

// Whether token `index` may begin at s[pos]: a cheap test that spares a field the attempts at ends
// whose next token cannot start after them. Conservative: true when unsure.
bool CompiledLayout::CanStart(size_t index, std::string_view s, size_t pos) const {
  if (index >= tokens_.size()) return true;
  const Token& token = tokens_[index];
  if (token.padded) return true;
  char c = pos < s.size() ? s[pos] : '\0';
  switch (token.kind) {
    case Kind::kLiteral:
      return c == token.text[0];
    case Kind::kNumber:
      return scan::IsDigit(c) || c == '?' || c == '-';
    case Kind::kWord:
      if (token.role != Role::kLogger && token.role != Role::kClass) return true;
      return (scan::IsIdentChar(c) && !scan::IsDigit(c)) || c == '<' ||
             static_cast<unsigned char>(c) >= 0x80;
    default:
      return true;
  }
}

// A field whose end is found by what follows it. Candidate ends are tried in the order most
// likely right: the message from the right (it is the longest), names and threads from the left.
bool CompiledLayout::MatchField(size_t index, size_t pos, size_t limit, State* state) const {
  std::string_view s = state->s;
  const Token& token = tokens_[index];
  auto take = [&](size_t end) {
    size_t value_end = token.kind == Kind::kWord ? end : TrimRight(s, pos, end);
    // Cut to its width from the left ("%-32.32c{1.}"), it may start at a dot.
    size_t name_start = token.cut_left && pos < value_end && s[pos] == '.' ? pos + 1 : pos;
    if (token.short_form && !AbbreviatedLogger(s.substr(name_start, value_end - name_start))) {
      return state->Fail(pos, "not a logger abbreviated by %c{1.}");
    }
    if (token.spans && scan::TracingSpansEnd(s, pos) != value_end) {
      return state->Fail(pos, "no tracing spans before a target here");
    }
    if (token.one_word && s.substr(pos, value_end - pos).find_first_of(" \t") != s.npos) {
      return state->Fail(pos, "a padded name holds no blank");
    }
    state->Capture(token.role, pos, value_end);
    size_t next = token.padded ? SkipBlanks(s, end) : end;
    return MatchFrom(index + 1, next, state);
  };
  bool last = index + 1 == tokens_.size();
  if (last) {
    if (token.kind == Kind::kWord) {
      size_t end = pos;
      while (end < s.size() && !IsBlank(s[end])) ++end;
      return take(end);
    }
    return take(limit);
  }
  // A message before an optional group ("%m%notEmpty{\t%X{fields}}") ends where the group's
  // first text begins, or at the end of a line that lacks the group.
  bool group_next = token.kind == Kind::kMessage && tokens_[index + 1].kind == Kind::kOptional &&
                    index + 2 < tokens_.size();
  const Token& next = tokens_[index + (group_next ? 2 : 1)];
  // What ends the field: the next literal's text, else a blank (before a blank or another field).
  // A blank the pattern wrote as a tab ends the field at a tab: the field may hold spaces.
  // (A line whose tabs were expanded ends it at a blank, the blanks after it reaching a tab stop.)
  bool tab_next = next.tab && !state->TabsExpanded();
  std::string_view stop = next.kind == Kind::kLiteral ? std::string_view(next.text)
                          : tab_next                  ? "\t"
                                                      : " ";
  if (token.kind == Kind::kWord) {
    // A name: no blanks, and in Java layouts none of the characters that separate fields, so
    // "%C{1}@%L" ends at '@'. Within that run, each place the next literal begins is a candidate,
    // the first one first (a Python logger before ":%(message)s").
    size_t run = pos;
    while (run < s.size() && !IsBlank(s[run]) &&
           (syntax_ != PatternSyntax::kLog4j || JavaNameChar(s[run]))) {
      ++run;
    }
    // A run longer than any logger, class, file or method name is not one (and a line that is
    // one long word is not read as far as its end).
    if (run == pos || run - pos > kMaxName) return state->Fail(pos, "no name here");
    // A logger or class name starts like an identifier: "2014-01-08" is a date, "|" a separator.
    if ((token.role == Role::kLogger || token.role == Role::kClass) &&
        !(scan::IsIdentChar(s[pos]) && !scan::IsDigit(s[pos])) && s[pos] != '<' &&
        !(token.cut_left && s[pos] == '.') && static_cast<unsigned char>(s[pos]) < 0x80) {
      return state->Fail(pos, "a name starts with a letter or '_'");
    }
    // A logger named from outside Java's identifiers, as Testcontainers names a container's after
    // its image ("tc.confluentinc/cp-kafka:7.3.0", "docker[redis:6]", "\U0001F433 [redis:6]"):
    // tried only where the name as Java writes it does not fit, up to the next blank, then with
    // a bracket after that blank.
    auto wider = [&]() {
      // Where the Java name stopped at an image's '/' or a bracket, glued or after a blank (a
      // class's name and line, "ClientCnxn:519", stops at ':' and stays out).
      if (token.role != Role::kLogger || syntax_ != PatternSyntax::kLog4j || run >= s.size() ||
          !(s[run] == '/' || s[run] == '[' ||
            (s[run] == ' ' && run + 1 < s.size() && s[run + 1] == '['))) {
        return false;
      }
      size_t end = run;
      while (end < s.size() && !IsBlank(s[end])) ++end;
      if (end > run && end - pos <= kMaxName && take(end)) return true;
      if (end + 2 < s.size() && s[end] == ' ' && s[end + 1] == '[') {
        size_t close = s.find_first_of("] ", end + 2);
        if (close != std::string_view::npos && s[close] == ']' && close - pos < kMaxName &&
            take(close + 1)) {
          return true;
        }
      }
      return false;
    };
    if (next.kind != Kind::kLiteral) return take(run) || wider();
    // A literal that is itself a name character ("%C.%M") splits at its last place first.
    if (syntax_ == PatternSyntax::kLog4j && JavaNameChar(stop[0])) {
      for (size_t at = run; at-- > pos + 1;) {
        if (s[at] == stop[0] && scan::StartsWithAt(s, at, stop) && take(at)) return true;
      }
    } else {
      for (size_t at = pos; at < run; ++at) {
        if (s[at] == stop[0] && scan::StartsWithAt(s, at, stop) && at > pos && take(at)) {
          return true;
        }
      }
    }
    // The literal begins where the name stops, maybe after the name's padding.
    if (run > pos && scan::StartsWithAt(s, token.padded ? SkipBlanks(s, run) : run, stop)) {
      return take(run) || wider();
    }
    if (wider()) return true;
    return state->Fail(run, "the text that should follow this field is not here");
  }
  if (token.kind == Kind::kMessage) {
    // Before a group that starts with blanks ("%m%notEmpty{  %X{fields}}"), the message ends at
    // its first run of two blanks: logrus pads a message and puts its key=value fields after it,
    // and a value may hold blanks of its own.
    if (group_next && next.kind == Kind::kBlank && !next.tab) {
      size_t run = s.find("  ", pos);
      if (run != std::string_view::npos && run < limit && take(run)) return true;
      if (take(limit)) return true;
      return state->Fail(pos, "the text that should follow the message is not here");
    }
    size_t at = s.size();
    while (true) {
      size_t found = s.substr(0, at).rfind(stop);
      if (found == std::string_view::npos || found < pos) break;
      if (take(found)) return true;
      if (found == 0) break;
      at = found;
    }
    if (group_next && take(limit)) return true;
    return state->Fail(pos, "the text that should follow the message is not here");
  }
  // kText: the first end where brackets and parentheses inside are balanced and the rest matches.
  // An empty value between blanks ("%c %x - %m" with no NDC) is tried first.
  if (stop == " " && !next.tab && pos > 0 && IsBlank(s[pos - 1]) && take(pos)) return true;
  int square = 0, round = 0;
  bool literal_next = next.kind == Kind::kLiteral;
  const char stop0 = stop[0];
  // Before an optional group ("[%t%notEmpty{ (%X)}]", HBase 2.5's thread and its MDC) the field
  // may also end where the text after the group begins, the group being absent.
  std::string_view after_group;
  if (next.kind == Kind::kOptional && next.skip < tokens_.size() &&
      tokens_[next.skip].kind == Kind::kLiteral) {
    after_group = tokens_[next.skip].text;
  }
  const char after0 = after_group.empty() ? stop0 : after_group[0];
  // Two loops, one with the second end and one without: the common one scans as fast as before.
  auto scan_ends = [&](auto two_ends) {
    for (size_t q = pos; q < s.size(); ++q) {
      char c = s[q];
      if (c != stop0 && (!two_ends || c != after0) && !kBrackets[static_cast<unsigned char>(c)]) {
        continue;  // most characters
      }
      if (square == 0 && round == 0 &&
          ((c == stop0 && scan::StartsWithAt(s, q, stop) &&
            (!literal_next || CanStart(index + 2, s, q + stop.size()))) ||
           (two_ends && c == after0 && scan::StartsWithAt(s, q, after_group)))) {
        if (take(q)) return true;
        if (state->steps > kStepBudget) return false;
      }
      if (c == '[') ++square;
      if (c == ']' && square > 0) --square;
      if (c == '(') ++round;
      if (c == ')' && round > 0) --round;
    }
    return state->Fail(pos, "the text that should follow this field is not here");
  };
  return after_group.empty() ? scan_ends(std::false_type{}) : scan_ends(std::true_type{});
}

}  // namespace faultline
