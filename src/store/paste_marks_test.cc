#include "src/store/paste_marks.h"

#include <doctest/doctest.h>

#include <deque>
#include <string>

namespace faultline {
namespace {

TEST_CASE("paste marks: quote marks of every reply level go, with the one space after them") {
  CHECK(StripQuoteMarks("> 2019-09-17 05:04:12,043 INFO x") == "2019-09-17 05:04:12,043 INFO x");
  CHECK(StripQuoteMarks(">> 2019-09-17 05:04:12,043 INFO x") == "2019-09-17 05:04:12,043 INFO x");
  CHECK(StripQuoteMarks("> > 2019-09-17 INFO x") == "2019-09-17 INFO x");
  CHECK(StripQuoteMarks(">2019-09-17 INFO x") == "2019-09-17 INFO x");
  CHECK(StripQuoteMarks(">") == "");
  CHECK(StripQuoteMarks("> ") == "");
  // A stack frame keeps its own indentation after the mail client's space.
  CHECK(StripQuoteMarks(">         at org.apache.Foo.bar(Foo.java:1)") ==
        "        at org.apache.Foo.bar(Foo.java:1)");
  CHECK(StripQuoteMarks(">\tat org.apache.Foo.bar(Foo.java:1)") ==
        "\tat org.apache.Foo.bar(Foo.java:1)");
  CHECK(StripQuoteMarks("2019-09-17 INFO a > b") == "2019-09-17 INFO a > b");
}

TEST_CASE("paste marks: found in the first lines, each only where it is plain") {
  std::deque<std::string> mail = {"On Tue, Ops wrote:", "", "> 2019-09-17 INFO a", "> b",
                                  "> 2019-09-17 INFO c"};
  CHECK(DetectPasteMarks(mail).quoted);
  CHECK_FALSE(DetectPasteMarks({"2019-09-17 INFO a", "> b", "2019-09-17 INFO c"}).quoted);
  CHECK(DetectPasteMarks({"2019-09-17 \x1b[33mWARN\x1b[0m a"}).escapes);
  // One bracketed "[0m" may be a message's own; two lines of them are a terminal's.
  CHECK_FALSE(DetectPasteMarks({"2019-09-17 INFO [0m", "2019-09-17 INFO b"}).orphan_colours);
  CHECK(DetectPasteMarks({"[32mINFO[0m a", "[33mWARN[0m b"}).orphan_colours);
  CHECK_FALSE(DetectPasteMarks({"[myid:1] a", "[main:Foo@12] b", "[1] [m] [;m]"}).any());
}

TEST_CASE("paste marks: colour codes are cut out, the text between them stays") {
  PasteMarks escapes;
  escapes.escapes = true;
  std::string scratch;
  CHECK(CleanPastedLine("\x1b[38;5;6mzookeeper \x1b[38;5;5m10:46:31.05 \x1b[0m\x1b[38;5;2mINFO "
                        "\x1b[0m ==> ** Starting ZooKeeper setup **",
                        escapes, &scratch) ==
        "zookeeper 10:46:31.05 INFO  ==> ** Starting ZooKeeper setup **");
  CHECK(CleanPastedLine("plain [33m stays", escapes, &scratch) == "plain [33m stays");
  CHECK(CleanPastedLine("cut at the end \x1b[", escapes, &scratch) == "cut at the end ");
  CHECK(CleanPastedLine("\x1b(B other escape", escapes, &scratch) == "B other escape");
  PasteMarks orphans;
  orphans.orphan_colours = true;
  CHECK(CleanPastedLine("[38;5;6mzookeeper [38;5;5m10:46:31.05 [0m[38;5;2mINFO [0m ==> x", orphans,
                        &scratch) == "zookeeper 10:46:31.05 INFO  ==> x");
  CHECK(CleanPastedLine("[myid:1] - INFO [main:Foo@12] - [1] not a colour", orphans, &scratch) ==
        "[myid:1] - INFO [main:Foo@12] - [1] not a colour");
  // What a copy printed for the ESC goes with the code: '?' (tortoise/tortoise-orm#869's uvicorn
  // lines), U+FFFD, "^[" (cat -v); a '?' before no code stays.
  CHECK(CleanPastedLine("?[32mINFO?[0m:     Started server process [?[36m428?[0m]", orphans,
                        &scratch) == "INFO:     Started server process [428]");
  CHECK(CleanPastedLine("\xEF\xBF\xBD[33mWARN\xEF\xBF\xBD[0m b", orphans, &scratch) == "WARN b");
  CHECK(CleanPastedLine("^[[33mWARN^[[0m why? [1] x", orphans, &scratch) == "WARN why? [1] x");
  PasteMarks web;
  web.web_spaces = true;
  CHECK(CleanPastedLine("2019-09-17\xC2\xA0"
                        "04:30:01,207 [myid:3] - INFO\xC2\xA0\xC2\xA0[main] - caf\xC3\xA9",
                        web, &scratch) ==
        "2019-09-17 04:30:01,207 [myid:3] - INFO  [main] - caf\xC3\xA9");
  CHECK(CleanPastedLine("a\xE3\x80\x80"
                        "b\xE2\x80\x8B"
                        "c\xEF\xBB\xBF"
                        "d",
                        web, &scratch) == "a bcd");
  CHECK(DetectPasteMarks({"x\xC2\xA0y"}).web_spaces);
  CHECK_FALSE(DetectPasteMarks({"caf\xC3\xA9 \xE2\x80\x94 ok"}).web_spaces);
  PasteMarks all = {true, true, true, true, true, ""};
  CHECK(CleanPastedLine("> \x1b[33mWARN\x1b[0m [31mx[0m", all, &scratch) == "WARN x");
  CHECK(CleanPastedLine("  | > \x1b[33mWARN\x1b[0m x", all, &scratch) == "WARN x");
}

TEST_CASE("paste marks: a web console's gutter goes when most lines carry it") {
  std::deque<std::string> console = {
      "[2018-03-27 07:58:01,749] INFO a",     "--",  "  | [2018-03-27 07:58:03,489] INFO b",
      "  | [2018-03-27 07:58:21,867] WARN c", "  |", "  | \tat org.apache.Foo.bar(Foo.java:1)"};
  PasteMarks marks = DetectPasteMarks(console);
  CHECK(marks.gutter);
  std::string scratch;
  CHECK(CleanPastedLine(console[2], marks, &scratch) == "[2018-03-27 07:58:03,489] INFO b");
  CHECK(CleanPastedLine(console[4], marks, &scratch) == "");
  // A frame's own indentation after the gutter's blank stays.
  CHECK(CleanPastedLine(console[5], marks, &scratch) == "\tat org.apache.Foo.bar(Foo.java:1)");
  CHECK(CleanPastedLine(console[0], marks, &scratch) == console[0]);
  CHECK(StripGutter("| x") == "x");
  CHECK(StripGutter("a | x") == "a | x");
  CHECK(StripGutter("  |x") == "  |x");
  // One barred line among plain ones, a Markdown table, or docker compose's "zk1  | " prefix are
  // not a gutter.
  CHECK_FALSE(DetectPasteMarks({"2018-03-27 INFO a", "  | b", "2018-03-27 INFO c"}).gutter);
  CHECK_FALSE(DetectPasteMarks({"| time | level |", "|---|---|", "| 10:00 | INFO |"}).gutter);
  CHECK_FALSE(DetectPasteMarks({"zk1  | 2018-03-27 INFO a", "zk2  | 2018-03-27 INFO b"}).gutter);
}

TEST_CASE("paste marks: the indentation of a whole pasted block") {
  // A Markdown code block: four spaces before every line, a stack frame's own tab after them.
  std::deque<std::string> block = {
      "    [2019-10-06 01:34:11,642] WARN Client session timed out "
      "(org.apache.zookeeper.ClientCnxn)",
      "", "    java.io.IOException: Connection reset",
      "    \tat org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1144)",
      "    INFO org.apache.hadoop.ha.NodeFencer: ====== Beginning Service Fencing Process... "
      "======"};
  PasteMarks marks = DetectPasteMarks(block);
  CHECK(marks.indent == "    ");
  CHECK(marks.any());
  std::string scratch;
  CHECK(CleanPastedLine(block[0], marks, &scratch).starts_with("[2019-10-06"));
  CHECK(CleanPastedLine(block[3], marks, &scratch) ==
        "\tat org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1144)");
  CHECK(CleanPastedLine("less indented", marks, &scratch) == "less indented");
  // Under quote marks, and with a tab.
  CHECK(
      DetectPasteMarks({"> \t2019-09-17 05:04:12,043 INFO x", "> \t2019-09-17 05:04:13,043 INFO y"})
          .indent == "\t");
  // Not an indentation of the block: one line, one space, lines not indented alike, or only
  // stack frames (their indentation is their own).
  CHECK(DetectPasteMarks({"    2019-09-17 05:04:12,043 INFO x"}).indent.empty());
  CHECK(DetectPasteMarks({" 2019-09-17 05:04:12,043 INFO x", " 2019-09-17 05:04:13,043 INFO y"})
            .indent.empty());
  CHECK(DetectPasteMarks({"    2019-09-17 05:04:12,043 INFO x", "2019-09-17 05:04:13,043 INFO y"})
            .indent.empty());
  CHECK(DetectPasteMarks({"\tat a.B.c(B.java:1)", "\tat a.B.d(B.java:2)", "\t... 3 more"})
            .indent.empty());
}

}  // namespace
}  // namespace faultline
