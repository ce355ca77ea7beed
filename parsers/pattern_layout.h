// A logging pattern compiled into a line matcher: what a log4j 1.x / logback / log4j2
// PatternLayout or a Python logging format wrote, read back into fields.
//
//   std::string error;
//   auto layout = CompileLayout("%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n",
//                               PatternSyntax::kLog4j, "", &error);
//   Header h;  Miss miss;
//   if (layout->Match(line, &h, &miss)) ...
//
// The pattern becomes a short list of tokens: literal text, a date (parsers/date_format.h), a
// level, and text fields. Matching is one pass from the left with bounded backtracking over the
// few fields whose end is not obvious: a thread name may hold the very characters that follow it
// ("main-SendThread(zk1:2181)" before ":"), so its end is the next place where the rest of the
// line still matches, with brackets and parentheses balanced; the message takes everything up to
// what the pattern puts after it (" (logger) [thread]"), found from the right. Blanks in the
// pattern match one or more blanks, and padded fields (%-5p, %(levelname)-8s) their padding; a
// tab in the pattern matches a tab, or in a line with none blanks up to a tab stop (a paste that
// expanded its tabs). A logger that no Java name fits may hold any character up to a blank, and a
// bracket after it (Testcontainers' "tc.confluentinc/cp-kafka:7.3.0", "\U0001F433 [redis:6]").
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/date_format.h"
#include "parsers/parser.h"
#include "parsers/pattern_syntax.h"

namespace faultline {

/// A level word servers write beyond ParseLevel's names: "Information", syslog's "notice",
/// PostgreSQL's "LOG" (INFO) and "PANIC" (FATAL), .NET's console "fail", "dbug" and "trce", as
/// written (no case folding).
bool ParseServerLevelWord(std::string_view word, Level* level);

class CompiledLayout {
 public:
  enum class Kind : uint8_t {
    kLiteral,  ///< exact text (no blanks)
    kBlank,    ///< one or more blanks (zero after padding)
    kDate,
    kLevel,
    kWord,    ///< no blanks: logger, class, file, method, process name
    kNumber,  ///< digits or '?': line number, process and thread ids
    kText,    ///< may hold blanks and brackets: thread, MDC, NDC, location
    kMessage,
    kOptional,  ///< log4j2's %notEmpty{...}: the tokens up to `skip` may all be absent
  };
  /// Which Header field a token fills.
  enum class Role : uint8_t {
    kNone,
    kTime,
    kLevel,
    kLogger,
    kClass,
    kLocation,
    kThread,
    kLine,
    kMessage,
    kMyid
  };
  struct Token {
    Kind kind;
    Role role = Role::kNone;
    bool padded = false;  ///< a width was given: blanks around the value belong to it
    /// kLevel: %p{length=1} writes the initial only ("I0810 12:46:00" in glog). kWord: a logger
    /// abbreviated by %c{1.} ("o.a.z.ClientCnxn"), told from a thread name by its dotted form.
    bool short_form = false;
    /// kLevel: %p{symbol}, Redis' level as one character ('.' debug, '-' verbose, '*' notice,
    /// '#' warning), a notation of faultline's own for the built-in layout.
    bool symbol = false;
    /// kText: %X{spans}, Rust tracing's spans before the target ("conn{id=7}:poll"), only where
    /// scan::TracingSpansEnd finds them, so that a target alone is not taken for one.
    bool spans = false;
    /// A maximum width cuts the value from the left ("%-40.40logger{39}"): Spring Boot's
    /// ".e.DevToolsPropertyDefaultsPostProcessor" starts where the cut fell.
    bool cut_left = false;
    /// kText: the value holds no blank (a padded "%-20c: %m", its blanks all padding).
    bool one_word = false;
    /// kBlank: the pattern wrote a tab ("%d\t%p\t%t\t%c\t%m"), so a field before it ends at a tab
    /// and may hold spaces (a thread, a message).
    bool tab = false;
    size_t skip = 0;   ///< kOptional: the index of the first token after the group
    std::string text;  ///< kLiteral
    std::string name;  ///< the conversion as written ("%-5p", "%(name)s"), for --explain
  };

  /// Matches a whole line. On failure *miss names the column where matching stopped (the
  /// furthest any attempt got) and why.
  bool Match(std::string_view line, Header* out, Miss* miss) const;

  const std::vector<Token>& tokens() const { return tokens_; }
  /// Reads the same lines into the same fields as `other` ("%-5p" and "%-5level" alike).
  bool SameAs(const CompiledLayout& other) const;
  const std::string& pattern() const { return pattern_; }
  PatternSyntax syntax() const { return syntax_; }
  bool has_time() const { return has_time_; }
  bool has_level() const { return has_level_; }
  /// The year given to dates that have none.
  void set_default_year(int year) { date_.set_default_year(year); }

 private:
  friend std::unique_ptr<CompiledLayout> CompileLayout(std::string_view, PatternSyntax,
                                                       std::string_view, std::string*);
  struct State;
  bool MatchFrom(size_t token, size_t pos, State* state) const;
  bool MatchField(size_t token, size_t pos, size_t end, State* state) const;
  bool CanStart(size_t token, std::string_view s, size_t pos) const;

  std::vector<Token> tokens_;
  /// The bytes a line this layout reads may start with: a line that starts with another is
  /// refused before any matching (most lines a file's own layout misses are tried against every
  /// layout in the table).
  std::array<bool, 256> first_bytes_{};
  DateFormat date_;
  std::string pattern_;
  PatternSyntax syntax_ = PatternSyntax::kLog4j;
  bool has_time_ = false, has_level_ = false;
};

/// Compiles `pattern`. `datefmt` is Python's datefmt (ignored for log4j patterns, whose %d
/// carries its own). Returns nullptr and sets *error ("column 7: unknown conversion %q") when the
/// pattern cannot be read.
std::unique_ptr<CompiledLayout> CompileLayout(std::string_view pattern, PatternSyntax syntax,
                                              std::string_view datefmt, std::string* error);

}  // namespace faultline
