#include "parsers/infer_layout.h"

#include <algorithm>
#include <map>
#include <vector>

#include "parsers/continuation.h"
#include "parsers/date_shapes.h"
#include "parsers/infer_message.h"
#include "parsers/infer_words.h"
#include "parsers/pattern_layout.h"
#include "parsers/scan_util.h"

namespace faultline {
namespace {

using namespace infer;  // NOLINT: the words a line is read from

// Rust tracing's spans before the target, when a line has any (scan::TracingSpansEnd).
constexpr std::string_view kSpansGroup = "%notEmpty{%X{spans}: }";

struct Piece {
  std::string key;  ///< the pattern text, with the separator after the field
  bool timed = false, leveled = false;
  std::string_view plain_logger;
  /// A level padded before " : " (Hive's operation log in beeline, "%-5p : %m": "INFO  : msg").
  bool level_colon = false;  ///< the word read as a logger by ShapeOptions::plain_logger
};

// Reads the separator after a field: blanks and the punctuation layouts put between fields
// (" - ", ": ", " | ", "] "), as pattern text (blanks as one blank, a tab kept). `padded`: the
// field before was written with a width, so blanks before the punctuation belong to it.
std::string ReadSeparator(std::string_view s, size_t* pos, bool padded, bool after_level,
                          bool* open_bracket) {
  std::string sep;
  size_t p = *pos;
  while (p < s.size()) {
    char c = s[p];
    if (c == ' ' || c == '\t') {
      size_t q = p;
      while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) ++q;
      bool tab = s.substr(p, q - p).find('\t') != std::string_view::npos;
      bool punct_next = q < s.size() && (s[q] == '-' || s[q] == ':' || s[q] == '|');
      if (!(padded && sep.empty() && punct_next && !tab)) sep += tab ? '\t' : ' ';
      p = q;
      continue;
    }
    // An arrow after a blank ("logger ===> msg", "--> [thread]"): pattern text, as " - " is.
    if (size_t tip = s.find_first_not_of("-=", p);
        (c == '-' || c == '=') && !sep.empty() && sep.back() == ' ' &&
        tip != std::string_view::npos && tip > p && tip + 1 < s.size() && s[tip] == '>' &&
        s[tip + 1] == ' ') {
      sep += s.substr(p, tip + 1 - p);
      p = tip + 1;
      continue;
    }
    bool punct = c == '|' || (c == ':' && sep.find(':') == std::string::npos) ||
                 (c == '/' && sep.empty() && after_level) ||
                 (c == ',' && sep.empty() && p + 1 < s.size() && s[p + 1] == ' ') ||
                 (c == '-' && p + 1 < s.size() && s[p + 1] == ' ') || (c == ']' && *open_bracket) ||
                 // A dash glued to the bracket that closed the field: "(QuorumPeer.java:1409)-msg".
                 (c == '-' && sep.empty() && p > 0 && (s[p - 1] == ')' || s[p - 1] == ']')) ||
                 (c == '-' && after_level && p + 1 < s.size() && s[p + 1] == '-') ||
                 // logback's status lines glue a dash to the bar before the level ("|-INFO").
                 (c == '-' && !sep.empty() && sep.back() == '|' && p + 1 < s.size() &&
                  scan::IsUpper(s[p + 1]));
    if (!punct) break;
    if (c == ']') *open_bracket = false;
    sep += c;
    ++p;
  }
  *pos = p;
  return sep;
}

// After the colon of "Class: 979 - msg" at s[pos] (a blank): the end of a line number padded to
// its width and followed by " - ", or 0.
size_t PaddedLineNumberEnd(std::string_view s, size_t pos) {
  size_t digits = scan::SkipSpaces(s, pos);
  if (digits - pos > 6) return 0;
  size_t end = digits;
  while (end < s.size() && scan::IsDigit(s[end])) ++end;
  return end > digits && scan::StartsWithAt(s, end, " - ") ? end : 0;
}

// How a line is read. `plain_logger`: a lower-case word before ": " right after a level is a
// logger ("INFO vector: msg"), as Rust's tracing writes a crate's name; read so only when other
// lines of the file put a logger there, or when most lines have such a word and the words repeat
// (etcd's "I | etcdmain: ..."): a word before a colon is otherwise prose.
// `text_logger`: a bracketed logger is read as text, as a name with colons in it must be (Fluent
// Bit's "[output:kafka:kafka.1]" beside its "[storage]"), so that the lines agree on one piece.
// `spans`: some line of the file has Rust tracing's spans before its target, so every target
// after the level gets the optional group for them (kSpansGroup).
struct ShapeOptions {
  bool plain_logger = false;
  bool text_logger = false;
  bool spans = false;
};

// The fields at the start of one line, as pattern pieces (each with the separator after it).
std::vector<Piece> ReadShape(std::string_view s, ShapeOptions options = {}) {
  std::vector<Piece> pieces;
  bool timed = false, leveled = false, threaded = false, named = false, open_bracket = false;
  size_t pos = 0;
  // A line that opens a bracket before its time and closes it after more fields (Rust's
  // env_logger: "[2023-09-16T21:35:53Z TRACE zookeeper::io] msg").
  std::string lead;
  // A line in double quotes (a CSV export): the quotes are literal text around the fields.
  if (s.size() > 2 && s[0] == '"' && TrimBlanks(s).back() == '"') {
    size_t end;
    if (ReadDate(s, 1, &end) >= 0) lead = "\"", pos = 1;
  }
  // Ruby's Logger: the level's initial and a bracket around the time and the process id
  // ("I, [2021-04-05T07:55:56.937224 #1]  INFO -- : msg"); the level word after it is read.
  if (lead.empty() && s.size() > 4 && scan::IsUpper(s[0]) && s.substr(1, 3) == ", [") {
    size_t end;
    if (ReadDate(s, 4, &end) >= 0) lead = "%X, [", open_bracket = true, pos = 4;
  }
  // A constant word before the time ("RuntimeLogger 2024-12-07 09:31:44,863 INFO (main|1) ...",
  // Doris FE 2.1's console): literal text, a field of no kind. A capital first, as a name written
  // into a pattern has; the lines must share it for the layout to be theirs.
  if (size_t blank = s.find(' '); lead.empty() && blank != std::string_view::npos && blank > 1 &&
                                  blank <= 32 && scan::IsUpper(s[0]) &&
                                  IsCamelCase(s.substr(0, blank))) {
    size_t end;
    if (ReadDate(s, blank + 1, &end) >= 0)
      lead = std::string(s.substr(0, blank + 1)), pos = blank + 1;
  }
  if (lead.empty() && s.size() > 1 && s[0] == '[') {
    size_t end;
    int shape = ReadDate(s, 1, &end);
    if (shape >= 0 && end < s.size() && s[end] != ']') {
      lead = "[";
      open_bracket = true;
      pos = 1;
    }
  }
  bool last_field = false, spans_read = false;
  for (int field = 0; field < 7 && pos < s.size() && !last_field; ++field) {
    // Rust tracing's spans between the level and the target ("INFO conn{id=7}:poll: a::b: msg"):
    // neither logger nor message. An optional group, written before every target so that the
    // lines outside a span ("INFO a::b: msg") agree with those inside one.
    if (!spans_read && !named && !pieces.empty() && pieces.back().leveled &&
        (scan::IsIdentChar(s[pos]) || s[pos] == '-')) {
      size_t spans_end = scan::TracingSpansEnd(s, pos);
      size_t word_end = s.find(' ', pos);
      std::string_view word = s.substr(pos, word_end == s.npos ? s.npos : word_end - pos);
      bool target = word.size() > 1 && word.back() == ':' &&
                    (word.find("::") < word.size() - 1 ||
                     (options.plain_logger && IsLowerWord(word.substr(0, word.size() - 1))));
      if (spans_end != std::string_view::npos || (options.spans && target)) {
        spans_read = true;
        if (spans_end != std::string_view::npos) pos = spans_end + 2;
        pieces.push_back(Piece{std::string(kSpansGroup), false, true, {}});
        continue;
      }
    }
    Piece piece;
    bool padded = false, optional = false;
    size_t end = pos;
    bool initial = false;
    // Oozie's context after the pattern's fields ("SERVER[host] USER[-] ... ACTION[-] msg"): a
    // run of upper-case names with their values in brackets is context, as an MDC block is, not
    // message; the message follows it.
    std::string context;
    if (size_t run_end =
            leveled && named ? NamedBracketsEnd(s, pos, &context) : std::string_view::npos;
        run_end != std::string_view::npos) {
      pos = run_end;
      std::string sep = ReadSeparator(s, &pos, false, false, &open_bracket);
      if (pos < s.size() && !sep.empty())
        pieces.push_back(Piece{context + sep, false, false, {}, false});
      break;
    }
    char c = s[pos];
    char close = c == '[' ? ']' : c == '(' ? ')' : c == '<' ? '>' : 0;
    size_t inner = close ? pos + 1 : pos;
    int shape = timed ? -1 : ReadDate(s, inner, &end);
    if (shape >= 0 && (!close || (end < s.size() && s[end] == close))) {
      piece.key = std::string(close ? std::string(1, c) : "") + "%d{" +
                  std::string(DateShapeFormat(shape)) + "}" + (close ? std::string(1, close) : "");
      piece.timed = timed = true;
      end += close ? 1 : 0;
    } else if (!leveled &&
               ReadLevelWord(s, close ? scan::SkipSpaces(s, inner) : inner, &end, &initial) &&
               (!close || (end = scan::SkipSpaces(s, end)) < s.size()) &&
               (!close || (s[end] == close &&
                           (FieldEndsAt(s, end + 1) ||
                            (end + 1 < s.size() && (s[end + 1] == '[' || s[end + 1] == '(')))))) {
      // "[INFO ]", "[info     ]": a level padded inside its brackets is read with the padding;
      // glued to the next field's bracket too ("[WARN ](o.a.z.ClientCnxn   ) msg").
      std::string open_text = close ? std::string(1, c) : "";
      std::string close_text = close ? std::string(1, close) : "";
      piece.key = open_text + (initial ? "%p{length=1}" : "%-5p") + close_text;
      piece.leveled = leveled = true;
      padded = !close && !initial;  // "I | msg": the initial is not padded
      if (size_t after = scan::SkipSpaces(s, end);
          padded && pieces.empty() && after > end && after < s.size() && s[after] == ':') {
        piece.level_colon = true;
      }
      end += close ? 1 : 0;
      if (size_t uptime_end = close ? end : UptimeGluedAt(s, end); uptime_end > end) {
        // logrus' "INFO[0038] msg": nothing but the message follows (a bracket after it is the
        // message's own, "[Connecting to broker]", not a thread).
        piece.key = "%p[%r]";
        padded = false;
        last_field = true;
        end = uptime_end;
      }
    } else if (c == '<' && !threaded && leveled &&
               (end = s.find('>', pos)) != std::string_view::npos &&
               IsErlangPid(s.substr(pos, end + 1 - pos))) {
      piece.key = "<%t>";  // lager's "[info] <0.1087.0> msg"
      threaded = true;
      ++end;
      // lager's default with its metadata: "<0.1087.0>@brod_client:handle_info:280 msg", the
      // module, function and line glued after the process: a location, not message.
      if (size_t blank = s.find(' ', end);
          end < s.size() && s[end] == '@' && blank != std::string_view::npos) {
        std::string_view location = s.substr(end + 1, blank - end - 1);
        size_t colon = location.rfind(':');
        if (colon != std::string_view::npos &&
            scan::ParseSmallInt(location.substr(colon + 1)) >= 0) {
          piece.key = "<%t>@%X{location}";
          end = blank;
        }
      }
    } else if ((c == '[' || c == '(') && (end = CloseOf(s, pos)) != std::string_view::npos) {
      std::string_view w = s.substr(pos + 1, end - pos - 1);
      size_t colon = w.rfind(':');
      bool dotted;
      if (!named && c == '(' && NamePidOnHostEnd(s, pos + 1, ')') == end) {
        piece.key = "(%c/%pid on %X{host})";  // pino-pretty's "(name/pid on host)"
        named = true;
      } else if (bool parens = false;
                 !named && (c == '[' || c == '(') && IsClassMethodLine(w, &parens)) {
        // A class, its method and line: Doris' "[Catalog.replayJournal():2495]", Flume's
        // "(org.apache.flume.node.Application.start:61)": a location naming the logger.
        piece.key =
            std::string(1, c) + (parens ? "%C.%M():%L" : "%C.%M:%L") + std::string(1, s[end]);
        named = true;
      } else if (size_t dash = w.find(" - "), level_end = 0;
                 !leveled && !named && c == '[' && dash != std::string_view::npos &&
                 ReadLevelWord(w, 0, &level_end, &initial) && level_end == dash &&
                 IsFullLocation(w.substr(dash + 3))) {
        // The level and log4j's %l in one bracket (Flume's console, "[INFO -
        // org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1096)]").
        piece.key = "[%p - %l]";
        piece.leveled = leveled = true;
        named = true;
      } else if (size_t bar = w.rfind('|'); !threaded && c == '(' &&
                                            bar != std::string_view::npos && bar > 0 &&
                                            IsNumber(w.substr(bar + 1))) {
        piece.key = "(%t|%tid)";  // Doris' "(%t|%tid)": the thread's name, then its id
        threaded = true;
      } else if (!leveled && !named && c == '[' && IsNameColonLevel(w)) {
        piece.key = "[%c:%p]";  // "[mpm_event:notice]"
        piece.leveled = leveled = true;
        named = true;
      } else if (w.size() > 1 && w.front() == '"' && w.back() == '"') {
        // A quoted message in brackets (TiDB's '["msg"] [key=value]'): the message's quotes
        // and bracket are pattern text (MessageSuffix writes the rest).
        pieces.push_back(Piece{"[\"", false, false, {}, false});
        break;
      } else if (!named && c == '[' && leveled && !pieces.empty() && pieces.back().leveled &&
                 IsColonName(w)) {
        piece.key = "[%X{logger}]";  // after a bracketed level: Fluent Bit's component
        named = true;
      } else if (std::string_view file_method =
                     w.substr(0, colon == std::string_view::npos ? 0 : colon);
                 c == '(' && file_method.ends_with(']') &&
                 file_method.find(" [") != std::string_view::npos &&
                 IsSourceFile(file_method.substr(0, file_method.find(" ["))) &&
                 scan::ParseSmallInt(w.substr(colon + 1)) >= 0) {
        piece.key = "(%F [%M]:%L)";  // log4j's "(%F [%M]:%L)": "(JettyStart.java [run]:139)"
      } else if (colon != std::string_view::npos && colon > 0 &&
                 scan::ParseSmallInt(TrimBoth(w.substr(colon + 1))) >= 0 &&
                 IsSourceFile(TrimBoth(w.substr(0, colon)))) {
        // A location; padded inside its brackets as procrun writes it ("( prunsrv.c:910 )").
        bool blanks = w.front() == ' ' || w.back() == ' ' || w[colon + 1] == ' ';
        // A file with its directories ("source/server/server.cc:342", Envoy's) is no name %F
        // reads: it is read as text up to the colon.
        bool path = w.substr(0, colon).find('/') != std::string_view::npos;
        piece.key = std::string(1, c) +
                    (path     ? "%X{file}:%L"
                     : blanks ? "%-1F:%-1L"
                              : "%F:%L") +
                    std::string(1, s[end]);
      } else if (std::string_view digits = TrimBoth(w);
                 !digits.empty() && w.front() == ' ' &&
                 digits.find_first_not_of("0123456789") == std::string_view::npos) {
        piece.key = std::string(1, c) + "%-1pid" + std::string(1, s[end]);  // "[ 4100]": "[%5d]"
      } else if (size_t named_colon = w.rfind(':');
                 !named && c == '[' && w.find(' ') != std::string_view::npos &&
                 named_colon != std::string_view::npos &&
                 scan::ParseSmallInt(TrimBoth(w.substr(named_colon + 1))) >= 0 &&
                 IsBracketedName(TrimBoth(w.substr(0, named_colon)))) {
        // A logger and its line padded inside one bracket: Salt's "[salt.minion    :2744]",
        // ShardingSphere's "[ com.zaxxer.hikari.pool.HikariPool : 668 ]".
        piece.key = "[%-1c:%-1L]";
        named = true;
      } else if (size_t line_colon = w.rfind(':');
                 !named && c == '[' && line_colon != std::string_view::npos &&
                 scan::ParseSmallInt(w.substr(line_colon + 1)) >= 0 &&
                 IsQualifiedClassName(w.substr(0, line_colon))) {
        // A class and its line in one bracket, unpadded ("[com.dangdang.job.Listener:72]",
        // logback's "[%logger:%line]"): a location with a logger's name, not a thread.
        piece.key = "[%c:%L]";
        named = true;
      } else if (!threaded && c == '[' && w.size() > 2 && w.front() == ' ' && w.back() == ' ' &&
                 BracketNext(s, end + 1)) {
        piece.key = "[%-1t]";  // "[ HikariPool-56 housekeeper ] - [ WARN  ]": padded inside
        threaded = true;
      } else if (!threaded && c == '[' && !w.empty() && IsNumber(w) && pieces.size() == 1 &&
                 pieces.back().timed && pos > 0 && s[pos - 1] == ']') {
        // Envoy's (spdlog's) "[time][33078][info][main]": the number glued to the time is the
        // thread id; the name after the level is then the logger.
        piece.key = "[%t]";
        threaded = true;
      } else if (!w.empty() && w.find_first_not_of("0123456789") == std::string_view::npos) {
        piece.key = std::string(1, c) + "%pid" + std::string(1, s[end]);  // a process id
      } else if (c == '[' && w.starts_with("myid:") &&
                 w.find_first_not_of("0123456789", 5) == std::string_view::npos) {
        // ZooKeeper's "[myid:%X{myid}]", empty where no quorum peer set it: the server's id in
        // its MDC, in any layout an image writes around it, not a thread.
        piece.key = "[myid:%X{myid}]";
      } else if (!threaded && c == '[' && w.size() > 5 && w.starts_with("thrd:")) {
        piece.key = "[thrd:%t]";  // librdkafka's "[thrd:main]", whatever client wraps its lines
        threaded = true;
      } else if (!threaded && c == '[' && IsHexThreadId(w)) {
        piece.key = "[%t]";  // Boost.Log's "[0x00007ff435c4f700]"
        threaded = true;
      } else if (!named && c == '[' && !w.empty() && IsTagSet(TrimBlanks(w))) {
        // The JVM's "[gc,heap     ]", padded inside its bracket (%c reads no commas).
        piece.key = "[%-1X{logger}]";
        named = true;
      } else if (!w.empty() && (scan::IsDigit(w[0]) || w[0] == ' ')) {
        // A time of a shape the table lacks ("[21-04-2020 10:00:01]"), a bracketed phrase
        // ("[ Static zk configuration... ]"): not a thread.
        break;
      } else if (!named && c == '(' && IsLoggerName(w, &dotted) && dotted && !LooksLikeThread(w)) {
        piece.key = "(%c)";  // oslo.log's "(kazoo.client): ..."
        named = true;
      } else if (!named && c == '(' && w.back() == ' ' && IsLoggerName(TrimBlanks(w), &dotted) &&
                 dotted) {
        piece.key = "(%-1c)";  // "%-30c" inside parentheses: "(o.a.z.ClientCnxn         )"
        named = true;
      } else if (!named && c == '(' && threaded && leveled && IsClassName(w)) {
        // A class's simple name in parentheses after the thread and the level ("INFO 09:50:17.659
        // [main] (Server) msg"): where a thread is read, a parenthesised name is not prose.
        piece.key = "(%c)";
        named = true;
      } else if (size_t thread_end = threaded || c != '[' ? 0 : ThreadBeforeContext(w);
                 thread_end > 0) {
        // HBase 2.5's "[%t%notEmpty{ (%X)}]": the thread, then its MDC, not message or thread.
        char open = w[thread_end + 1];
        piece.key = std::string("[%t ") + open + "%X" + (open == '(' ? ")]" : "}]");
        threaded = true;
      } else if (!threaded && c == '[' && IsKeyedThreadName(w)) {
        piece.key = "[%t]";  // HBase's "[RpcServer.default.FPBQ.Fifo.handler=29,queue=2,...]"
        threaded = true;
      } else if (size_t key = threaded ? 0 : ThreadIdKeyLength(w); key > 0) {
        // A thread's id after its key (Jenkins' "[id=34]"), not an MDC block.
        piece.key =
            std::string(1, c) + std::string(w.substr(0, key)) + "=%t" + std::string(1, s[end]);
        threaded = true;
      } else if (w.empty() || w.find('=') != std::string_view::npos ||
                 w.find_first_not_of(";, ") == std::string_view::npos) {
        // An MDC block: "[k=v]", or values left empty between their separators ("[;;]" of
        // "[%X{orgId};%X{userId};%X{ip}]").
        piece.key = std::string(1, c) + "%X" + std::string(1, s[end]);
      } else if (!threaded &&
                 (c == '(' || named || !IsLoggerName(w, &dotted) || LooksLikeThread(w))) {
        // After a logger, a bracketed name is the thread ("REPL     [listener]").
        piece.key = std::string(1, c) + "%t" + std::string(1, s[end]);
        threaded = true;
      } else if (!named && c == '[' && w.find("://") != std::string_view::npos) {
        // A log source written as a path after the thread (Akka's "[akka://system/user/a]").
        piece.key = "[%X{logger}]";
        named = true;
      } else if (!named && c == '[' && IsLoggerName(w, &dotted)) {
        piece.key = options.text_logger ? "[%X{logger}]" : "[%c]";
        named = true;
      } else {
        break;
      }
      ++end;
    } else if (size_t host_end = named ? std::string_view::npos : NamePidOnHostEnd(s, pos, ':');
               host_end != std::string_view::npos) {
      piece.key = "%c/%pid on %X{host}";  // bunyan's "app/123 on example.com: msg"
      named = true;
      end = host_end;
    } else if (size_t origin = pos + 3; !named && leveled && !pieces.empty() &&
                                        pieces.back().leveled &&
                                        scan::StartsWithAt(s, pos, "in ") &&
                                        (end = s.find(' ', origin)) != std::string_view::npos &&
                                        end > origin && scan::StartsWithAt(s, end, " - ")) {
      // logback's status lines: "|-INFO in ch.qos.logback.classic.LoggerContext[default] - msg",
      // the object that reports after "in".
      piece.key = "in %X{logger}";
      named = true;
    } else if (size_t cell_end = (named || pieces.empty() || !pieces.back().leveled ||
                                  !pieces.back().key.ends_with("| "))
                                     ? std::string_view::npos
                                     : PipeCellEnd(s, pos);
               cell_end != std::string_view::npos) {
      piece.key = "%-1X{logger}";  // the source between bars after the level: Tanuki's "jvm 1"
      padded = true;
      named = true;
      end = cell_end;
    } else {
      // A bare word: a logger only where the line marks it so.
      end = pos;
      while (end < s.size() && s[end] != ' ' && s[end] != '\t') ++end;
      std::string_view w = s.substr(pos, end - pos);
      if (open_bracket && !w.empty() && w.back() == ']') w.remove_suffix(1), --end;
      if (!w.empty() && w.back() == ':' && (w.size() < 2 || w[w.size() - 2] != ':')) {
        w.remove_suffix(1), --end;
      }
      // Fields joined by single colons ("kafka.conn:INFO:16470:msg", Python's
      // "%(asctime)s:%(name)s:%(levelname)s:%(process)d:%(message)s"): the first is the word.
      bool dotted_head = false;
      if (size_t single = w.find(':'); single != std::string_view::npos && single > 0 &&
                                       single + 1 < w.size() && w[single + 1] != ':' &&
                                       IsLoggerName(w.substr(0, single), &dotted_head) &&
                                       !scan::IsDigit(w[single + 1])) {
        end = pos + single;
        w = w.substr(0, single);
      }
      // Fields joined by bare bars after a field that ended with one (NLog's default
      // "${longdate}|${level}|${logger}|${message}"): a dotted name before the next bar.
      bool bar_after = false;
      if (size_t bar = w.find('|'); bar != std::string_view::npos && bar > 0 && !pieces.empty() &&
                                    pieces.back().key.ends_with('|') &&
                                    IsLoggerName(w.substr(0, bar), &dotted_head) && dotted_head) {
        end = pos + bar;
        w = w.substr(0, bar);
        bar_after = true;
      }
      // Ruby's "#1]": the process id after the time, inside its bracket.
      if (s[pos] == '#' && open_bracket) {
        size_t hash_end = pos + 1;
        while (hash_end < s.size() && scan::IsDigit(s[hash_end])) ++hash_end;
        if (hash_end > pos + 1 && hash_end < s.size() && s[hash_end] == ']') {
          pos = hash_end;
          piece.key = "#%pid" + ReadSeparator(s, &pos, false, false, &open_bracket);
          pieces.push_back(std::move(piece));
          continue;
        }
      }
      // A process id between separators ("...:16470:msg").
      size_t digits = pos;
      while (digits < s.size() && scan::IsDigit(s[digits])) ++digits;
      // A number right after the time, before a bracket or a level: log4j's TTCC milliseconds
      // since start ("2020-11-11 16:02:31 19005 [main] [WARN ] ...") or a process id.
      if (digits > pos && digits < s.size() && s[digits] == ' ' && !pieces.empty() &&
          pieces.back().timed && !leveled && !threaded) {
        size_t after = scan::SkipSpaces(s, digits);
        size_t level_end;
        bool level_next = after < s.size() && ReadLevelWord(s, after, &level_end, &initial);
        if (after < s.size() && (s[after] == '[' || level_next)) {
          pos = digits;
          std::string sep = ReadSeparator(s, &pos, false, false, &open_bracket);
          // Before a bracketed level the number is a thread id (MySQL's "2019-05-20T05:32:23Z 0
          // [Warning] msg"); before a bracketed name, TTCC's milliseconds since start.
          size_t level_end;
          bool bracketed_level = s[after] == '[' &&
                                 ReadLevelWord(s, after + 1, &level_end, &initial) &&
                                 level_end < s.size() && s[level_end] == ']';
          if (bracketed_level && !threaded) {
            piece.key = "%t" + sep;
            threaded = true;
            pieces.push_back(std::move(piece));
            continue;
          }
          piece.key = "%r" + sep;
          pieces.push_back(std::move(piece));
          continue;
        }
      }
      // A number after the level, before a bracket: the thread's id (Doris 0.x's "%p %tid
      // [%C{1}.%M():%L]": "WARN 35 [TabletStatMgr.runAfterCatalogReady():69] msg").
      if (size_t after = scan::SkipSpaces(s, digits);
          digits > pos && digits < s.size() && s[digits] == ' ' && !threaded && !pieces.empty() &&
          pieces.back().leveled && after < s.size() && s[after] == '[') {
        pos = digits;
        piece.key = "%t" + ReadSeparator(s, &pos, false, false, &open_bracket);
        threaded = true;
        pieces.push_back(std::move(piece));
        continue;
      }
      // The JVM's uptime in seconds after the date ("2016-10-25T22:49:14.690+0000: 16443.462:
      // [GC ..."): a decoration, as log4j's %r is, not message.
      if (digits > pos && digits < s.size() && s[digits] == '.' && pieces.size() == 1 &&
          pieces.back().timed && pieces.back().key.ends_with(": ")) {
        size_t fraction = digits + 1;
        while (fraction < s.size() && scan::IsDigit(s[fraction])) ++fraction;
        if (fraction > digits + 1 && scan::StartsWithAt(s, fraction, ": ")) {
          pos = fraction;
          piece.key = "%X{uptime}" + ReadSeparator(s, &pos, false, false, &open_bracket);
          pieces.push_back(std::move(piece));
          continue;
        }
      }
      // nginx's "pid#tid: " before its message.
      if (digits > pos && digits + 1 < s.size() && s[digits] == '#' &&
          scan::IsDigit(s[digits + 1])) {
        size_t tid = digits + 1;
        while (tid < s.size() && scan::IsDigit(s[tid])) ++tid;
        if (tid < s.size() && s[tid] == ':') {
          pos = tid;
          piece.key = "%pid#%t" + ReadSeparator(s, &pos, false, false, &open_bracket);
          pieces.push_back(std::move(piece));
          continue;
        }
      }
      if (digits > pos && digits < s.size() && (s[digits] == ':' || s[digits] == '|')) {
        piece.key = "%pid";
        pos = digits;
        std::string sep = ReadSeparator(s, &pos, false, false, &open_bracket);
        if (pos >= s.size()) break;
        piece.key = (pieces.empty() ? lead : "") + piece.key + sep;
        pieces.push_back(std::move(piece));
        continue;
      }
      size_t colon = w.rfind(':');
      size_t next = scan::SkipSpaces(s, end);
      bool dash_after = scan::StartsWithAt(s, next, "- ") || scan::StartsWithAt(s, next, "| ");
      bool colon_after = end < s.size() && s[end] == ':';
      bool bracket_after = open_bracket && end < s.size() && s[end] == ']';
      size_t level_end;
      bool level_after =
          !leveled && next < s.size() &&
          ReadLevelWord(s, next + (s[next] == '(' || s[next] == '['), &level_end, &initial);
      bool dotted = false;
      bool name = IsLoggerName(w, &dotted) || IsLoggerWithSuffix(w, &dotted);
      bool class_line = colon != std::string_view::npos && colon > 0 &&
                        scan::ParseSmallInt(w.substr(colon + 1)) >= 0 &&
                        IsLoggerName(w.substr(0, colon), &dotted);
      size_t level_dot = w.rfind('.');
      bool after_bracket_level = !pieces.empty() && pieces.back().leveled &&
                                 pieces.back().key.find(']') != std::string::npos;
      bool after_thread_bracket = !pieces.empty() && pieces.back().key.starts_with("[%t]");
      // Two blanks after a name that follows the level: the padding of a %-40c ("ERROR -
      // KAFKAMessageListener  Error in ..."); a message's first word has one blank after it.
      bool padding_after = !pieces.empty() && pieces.back().leveled && next >= end + 2 &&
                           s[end] == ' ' && s[end + 1] == ' ';
      size_t tab = s.find('\t', pos);
      bool tab_field = !named && !pieces.empty() && pieces.back().leveled &&
                       pieces.back().key.ends_with('\t') && tab != std::string_view::npos &&
                       tab > pos && tab - pos <= 64 && tab + 1 < s.size() && s[tab + 1] != '{' &&
                       s[tab + 1] != '\t' &&
                       // Digits and punctuation first ("3/1/2021 10:00:00 AM" after Windows'
                       // "Information<TAB>"): a time or a number the table lacks, not a name.
                       !HasNoLetter(w);
      if (!named && colon_after && IsLoggerWithLine(w)) {
        piece.key =
            "%c(%L)";  // HBase's "%c{2}(%L): ": "replication.ZKReplicationQueueStorage(391):"
        named = true;
      } else if (!named && colon_after && IsClassHashMethod(w)) {
        // Java's "Class#method" before ": " (Jenkins' "hudson.WebAppMain#contextInitialized:
        // msg"): the record's source, a location naming the logger.
        piece.key = "%C#%M";
        named = true;
      } else if (tab_field) {
        // zap's console encoder with a named logger: "time<TAB>LEVEL<TAB>name<TAB>msg". A field
        // between tabs after the level, with text after it that is not the encoder's {fields},
        // is the name, blanks and all ("package environments").
        piece.key = "%X{logger}";
        named = true;
        end = tab;
      } else if (!leveled && !named && colon_after && level_dot != std::string_view::npos &&
                 level_dot > 0 && IsUpperLevel(w.substr(level_dot + 1)) &&
                 IsLoggerName(w.substr(0, level_dot), &dotted)) {
        piece.key = "%c.%p";  // Monolog's "local.ERROR: msg": the channel, then the level
        piece.leveled = leveled = true;
        named = true;
      } else if (!named && !pieces.empty() && pieces.back().leveled && IsUpperName(w) &&
                 next > end && next < s.size() && s[next] == '[') {
        piece.key = "%-1c";  // MongoDB's component, padded, before its bracketed thread
        padded = true;
        named = true;
      } else if (!named && colon_after && !pieces.empty() && pieces.back().leveled &&
                 IsSlashName(w)) {
        piece.key = "%-1c";  // "INFO  localservices/BROKER: msg"
        padded = true;
        named = true;
      } else if (named && class_line && !pieces.empty() && pieces.back().key.ends_with(':')) {
        // After a logger joined to it by a colon, "function:line" is a location (loguru's
        // "{name}:{function}:{line}", "kazoo.client:_connect:512 - msg"), not a thread.
        piece.key = "%M:%L";
      } else if (named && class_line && dash_after && IsSourceFile(w.substr(0, colon))) {
        // A source file and its line after the logger, before " - " (Seastar's "storage -
        // segment.cc:594 - msg"): a location; optional, as a line may put a context there.
        piece.key = "%F:%L";
        optional = true;
      } else if (size_t line_end = colon_after && !named && end + 2 < s.size() && s[end + 1] == ' '
                                       ? PaddedLineNumberEnd(s, end + 1)
                                       : 0;
                 line_end > 0 && IsLoggerName(w, &dotted)) {
        // "%c{1}:%4L": the line number right-aligned after the colon ("FastLeaderElection: 979 -
        // msg"); such lines and the unpadded ones agree on "%c:%1L" (see InferLayout).
        piece.key = "%c:%1L";
        named = true;
        end = line_end;
      } else if (class_line && !named) {
        piece.key = IsSourceFile(w.substr(0, colon)) ? "%F:%L" : "%c:%L";
        named = piece.key[1] == 'c';
      } else if (!named && colon != std::string_view::npos && colon > 0 &&
                 w.substr(0, colon).find('/') != std::string_view::npos &&
                 IsSourceFile(w.substr(0, colon)) &&
                 scan::ParseSmallInt(w.substr(colon + 1)) >= 0) {
        // A source file with its directories and line, as zap's caller writes it after the level
        // ("kafka/log.go:53"): a location, read as text up to the colon.
        piece.key = "%X{file}:%L";
        padded = true;
      } else if (!threaded && !dotted && !(pieces.empty() && HasNoLetter(w)) &&
                 (((level_after || dash_after || NamedFieldAfter(s, next)) && LooksLikeThread(w)) ||
                  bracket_after)) {
        // A thread before the level or a separator ("main  INFO ...", "main | o.a.z.X | ..."), or
        // the last word in the bracket opened before the time (Celery's process name); not
        // digits and punctuation that start the line (a time or a count the table lacks).
        piece.key = "%t";
        threaded = true;
      } else if (!named && IsFullLocation(w)) {
        // log4j's %l, "org.apache.Foo.run(Foo.java:93)": the location naming the logger.
        piece.key = "%l";
        named = true;
      } else if (!named && name &&
                 (dotted ? (dash_after || colon_after || bracket_after || bar_after || next > end)
                         : (dash_after || level_after || (padding_after && IsCamelCase(w)) ||
                            (IsClassName(w) && LocationAt(s, next)) ||
                            (colon_after && after_bracket_level && IsLowerWord(w)) ||
                            (colon_after && after_thread_bracket && IsClassName(w))))) {
        // Consul 0.x's "[ERR] agent: msg": a lower-case subsystem after a bracketed level.
        // A Java name ends at ':' and '(': Rust's "a::b" and Akka's "a.B(akka://x)" are read as
        // text instead.
        piece.key = w.find_first_of(":(") == std::string_view::npos && !options.plain_logger
                        ? "%-1c"
                        : "%-1X{logger}";
        padded = true;
        named = true;
      } else if (!named && options.plain_logger && colon_after && !pieces.empty() &&
                 pieces.back().leveled && IsLowerWord(w)) {
        piece.key = "%-1X{logger}";  // "INFO vector: msg" where other lines have "a::b: msg"
        piece.plain_logger = w;
        padded = true;
        named = true;
      } else if (!threaded && named && dash_after) {
        piece.key = "%t";  // after the logger, a word before " - " is the thread
        threaded = true;
      } else if (threaded && named && dash_after && IsMethodName(w)) {
        // With the thread read already, a lower-case word before " - " is the method (Hadoop's
        // "%d{ISO8601} [%t] %-5p %c{2} %M - %m%n").
        piece.key = "%M";
      } else if (!threaded && named && colon_after && !pieces.empty() &&
                 pieces.back().key.ends_with(':') && scan::StartsWithAt(s, end, ": ")) {
        // Fields joined by bare colons (Jetty's "time:LEVEL:logger:thread: msg"): after the
        // logger, the word before ": " is the thread.
        piece.key = "%t";
        threaded = true;
      } else {
        break;
      }
    }
    pos = end;
    std::string sep = ReadSeparator(s, &pos, padded, piece.leveled, &open_bracket);
    // A field that runs into text, or ends the line (then it is the message), is no field.
    // Salt's "[salt.minion :2744][INFO    ][12550] msg": brackets glued after a logger with its
    // line, or after a level (elsewhere a glued bracket after a logger is not a field).
    bool glued_bracket = sep.empty() && pos < s.size() && s[pos] == '[' &&
                         (piece.key == "[%-1c:%-1L]" ||
                          (piece.leveled && piece.key.back() == ']') || piece.key == "[%t]");
    // "[WARN ](o.a.z.ClientCnxn   )": a parenthesis glued after a bracketed level.
    glued_bracket = glued_bracket || (sep.empty() && pos < s.size() && s[pos] == '(' &&
                                      piece.leveled && piece.key.back() == ']');
    // Flume's "[%t](%C.%M:%L)": a location in parentheses glued after the thread's bracket.
    if (size_t close = sep.empty() && pos < s.size() && s[pos] == '(' && piece.key == "[%t]"
                           ? CloseOf(s, pos)
                           : std::string_view::npos;
        close != std::string_view::npos) {
      bool parens = false;
      glued_bracket =
          glued_bracket || IsClassMethodLine(s.substr(pos + 1, close - pos - 1), &parens);
    }
    if (pos >= s.size() || (sep.empty() && !piece.timed && !glued_bracket)) break;
    if (optional) piece.key = "%notEmpty{" + piece.key + sep + "}", sep.clear();
    piece.key = (pieces.empty() ? lead : "") + piece.key + sep;
    pieces.push_back(std::move(piece));
  }
  if (open_bracket) pieces.clear();  // the bracket opened before the time never closed
  return pieces;
}

bool UsefulPrefix(const std::vector<Piece>& pieces, size_t count) {
  bool timed = false, leveled = false;
  for (size_t i = 0; i < count; ++i) {
    timed = timed || pieces[i].timed;
    leveled = leveled || pieces[i].leveled;
  }
  // A level in brackets alone at the line's start is a layout too (Elixir's and Maven's console,
  // "[debug] msg", without a time).
  bool bracketed_level = count == 1 && pieces[0].leveled && pieces[0].key.starts_with('[');
  // So is logrus' level with the seconds since start glued to it ("INFO[0038] msg").
  bool level_uptime = count == 1 && pieces[0].key.starts_with("%p[%r]");
  // So is a level at the line's start padded before " : " (Hive's operation log as beeline
  // prints it, "INFO  : Compiling command(queryId=...)"): "INFO: msg" alone is prose's too.
  bool level_colon = count == 1 && pieces[0].level_colon;
  return (count >= 2 && (timed || leveled)) || bracketed_level || level_uptime || level_colon;
}

std::string JoinKeys(const std::vector<Piece>& pieces, size_t count) {
  std::string key;
  for (size_t i = 0; i < count; ++i) key += pieces[i].key;
  return key;
}

// Whether most of the `header_lines` header lines have a plain word before ": " right after the
// level and those words repeat (at most half as many distinct words as lines with one): a
// package's or subsystem's name, as loggers are, not the first word of varied messages.
bool RepeatedPlainLoggers(std::span<const std::string_view> lines, size_t header_lines) {
  ShapeOptions plain;
  plain.plain_logger = true;
  std::vector<std::string_view> words;
  for (std::string_view line : lines) {
    if (line.empty() || IsContinuationLine(line)) continue;
    for (const Piece& piece : ReadShape(line, plain)) {
      if (!piece.plain_logger.empty()) words.push_back(piece.plain_logger);
    }
  }
  if (words.size() < 3 || words.size() * 5 < header_lines * 3) return false;
  std::sort(words.begin(), words.end());
  size_t distinct = std::unique(words.begin(), words.end()) - words.begin();
  return distinct * 2 <= words.size();
}

}  // namespace

std::string InferLinePattern(std::string_view line) {
  std::vector<Piece> pieces = ReadShape(line);
  if (!UsefulPrefix(pieces, pieces.size())) return "";
  std::string fields = JoinKeys(pieces, pieces.size());
  return fields + MessageSuffix(fields, std::span<const std::string_view>(&line, 1));
}

InferredLayout InferLayout(std::span<const std::string_view> lines) {
  InferredLayout result;
  std::vector<std::vector<Piece>> shapes;
  ShapeOptions options;
  for (int pass = 0; pass < 2; ++pass) {
    shapes.clear();
    bool logger_after_level = false, colon_logger = false, spans = false;
    for (std::string_view line : lines) {
      if (line.empty() || IsContinuationLine(line)) continue;
      std::vector<Piece> pieces = ReadShape(line, options);
      for (size_t i = 1; i < pieces.size(); ++i) {
        logger_after_level =
            logger_after_level ||
            (pieces[i - 1].leveled &&
             (pieces[i - 1].key.back() == ' ' || pieces[i - 1].key == kSpansGroup) &&
             pieces[i].key.starts_with("%-1X{logger}:"));
        colon_logger = colon_logger || pieces[i].key.starts_with("[%X{logger}]");
        spans = spans || pieces[i].key == kSpansGroup;
      }
      if (UsefulPrefix(pieces, pieces.size())) shapes.push_back(std::move(pieces));
    }
    // Some lines put a "crate::module" logger after the level: read the others' plain word there
    // as one too.
    // (Read again only where most lines stopped right after their level: once per file, but a
    // second reading of every sample line costs as much as the first.)
    size_t stop_after_level = 0;
    for (const auto& pieces : shapes) stop_after_level += pieces.back().leveled;
    bool repeated_words = pass == 0 && !logger_after_level &&
                          stop_after_level * 5 >= shapes.size() * 3 &&
                          RepeatedPlainLoggers(lines, shapes.size());
    if (pass == 1 || !(logger_after_level || colon_logger || repeated_words || spans)) break;
    options.plain_logger = logger_after_level || repeated_words;
    options.text_logger = colon_logger;
    options.spans = spans;
  }
  if (shapes.empty()) return result;
  // A right-aligned line number ("%c:%1L") read on some lines: the lines whose number filled its
  // width ("%c:%L") are the same field.
  bool padded_line = false;
  for (const auto& pieces : shapes) {
    for (const Piece& piece : pieces) padded_line = padded_line || piece.key.starts_with("%c:%1L");
  }
  if (padded_line) {
    for (auto& pieces : shapes) {
      for (Piece& piece : pieces) {
        if (piece.key.starts_with("%c:%L")) piece.key.replace(0, 5, "%c:%1L");
      }
    }
  }
  // HBase 2.5 writes a thread's MDC after it only when there is one ("[%t%notEmpty{ (%X)}]"):
  // where some lines have it, "[main]" and "[T ({pid=33})]" are one field.
  for (std::string_view with : {"[%t (%X)]", "[%t {%X}]"}) {
    bool some = false;
    for (const auto& pieces : shapes) {
      for (const Piece& piece : pieces) some = some || piece.key.starts_with(with);
    }
    if (!some) continue;
    std::string either = std::string("[%t%notEmpty{ ") + with[4] + "%X" + with[7] + "}]";
    for (auto& pieces : shapes) {
      for (Piece& piece : pieces) {
        for (std::string_view from : {with, std::string_view("[%t]")}) {
          if (piece.key.starts_with(from)) piece.key.replace(0, from.size(), either);
        }
      }
    }
  }
  // Every useful prefix of every line, with the lines that begin with it.
  std::map<std::string, int> support;
  for (const auto& pieces : shapes) {
    for (size_t count = 1; count <= pieces.size(); ++count) {
      if (UsefulPrefix(pieces, count)) ++support[JoinKeys(pieces, count)];
    }
  }
  // The longest prefix that most of the lines share; on equal length the commoner.
  int need = std::max<int>(std::min<int>(2, static_cast<int>(shapes.size())),
                           (static_cast<int>(shapes.size()) * 3 + 4) / 5);
  std::string best;
  size_t best_pieces = 0;
  int best_support = 0;
  for (const auto& pieces : shapes) {
    for (size_t count = 1; count <= pieces.size(); ++count) {
      if (!UsefulPrefix(pieces, count)) continue;
      std::string key = JoinKeys(pieces, count);
      int n = support[key];
      if (n < need) continue;
      if (count > best_pieces || (count == best_pieces && n > best_support)) {
        best = key, best_pieces = count, best_support = n;
      }
    }
  }
  if (best.empty()) return result;
  std::string pattern = best + MessageSuffix(best, lines);
  if (best.ends_with("| ")) {
    if (std::string cells = PipeCellsSuffix(best, lines); !cells.empty()) pattern = best + cells;
  }
  std::string error;
  std::unique_ptr<CompiledLayout> layout =
      CompileLayout(pattern, PatternSyntax::kLog4j, "", &error);
  if (layout == nullptr) return result;
  int read = 0;
  for (std::string_view line : lines) {
    Header header;
    Miss miss;
    if (!line.empty() && layout->Match(line, &header, &miss)) ++read;
  }
  if (read < need) return result;
  result.pattern = pattern;
  result.lines_read = read;
  result.parser =
      std::make_shared<PatternParser>("inferred", "the file's first lines", std::move(layout));
  return result;
}

}  // namespace faultline
