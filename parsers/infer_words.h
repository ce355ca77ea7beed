// What the words of a log line look like, for layout inference (parsers/infer_layout.*): a
// time of a known shape, a level word, a logger or class name, a thread, a source location, a
// bracketed name, a table cell. Each answers for one word or one position of a line; which field
// a word becomes is decided by infer_layout.cc from the words around it and from other lines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace faultline::infer {

// A time of any known shape at s[pos]: the shape's index, or -1; *end past it.
int ReadDate(std::string_view s, size_t pos, size_t* end);

// An upper-case component name, blanks, then a bracket ("REPL     [replexec-0]"): MongoDB's
// fields after its level's initial.
bool ComponentThenBracket(std::string_view s, size_t pos);

// logrus' text formatter on a terminal glues the seconds since the program started to the level
// ("INFO[0038] msg", "ERRO[0039] msg"): the position past "[0038]", or `pos` when none is there.
size_t UptimeGluedAt(std::string_view s, size_t pos);

// A level word at s[pos] in any case, or as a server writes it (PostgreSQL's "LOG", syslog's
// "notice"); *end past it. A single initial counts only where the line marks it a field: before
// '|' (Go's "I | msg") or before a component and a bracket (MongoDB's "I REPL     [rsSync] msg").
bool ReadLevelWord(std::string_view s, size_t pos, size_t* end, bool* initial);

// The closing bracket matching s[open] ('[' or '('), brackets inside balanced; npos if none
// within 1000 bytes (an MDC block may be long).
size_t CloseOf(std::string_view s, size_t open);

std::string_view TrimBlanks(std::string_view s);

// A Java or Rust logger name: identifiers joined by '.' or "::" ("o.a.z.ClientCnxn",
// "mio_extras::timer", "kafka.utils.Log4jControllerRegistration$"). `dotted` says it has a
// joint, which tells it from a word of prose.
bool IsLoggerName(std::string_view w, bool* dotted);

// A logger name with its actor path or instance after it in parentheses, as Akka's are
// ("akka.cluster.Cluster(akka://app)").
bool IsLoggerWithSuffix(std::string_view w, bool* dotted);

// Whether a dotted logger followed by " - " or ": " starts at s[pos] ("main c.e.Foo - msg": the
// word before it is then a field too).
bool NamedFieldAfter(std::string_view s, size_t pos);

// "ZkServer.java", "client.py": a source file's name (a location, not a logger).
bool IsSourceFile(std::string_view w);

// A source file and its line in parentheses at s[pos] ("(ZooKeeper.java:438)"): the location
// log4j's "%c{1} (%F:%L)" writes after the class.
bool LocationAt(std::string_view s, size_t pos);

// A thread name rather than a logger in brackets: blanks, parentheses, digits at the end,
// dashes ("main", "Test worker", "pool-3-thread-1", "main-SendThread(zk1:2181)").
bool LooksLikeThread(std::string_view w);

// A logger name as a bracket may hold it beside its line: identifier characters, dots and dashes
// ("salt.cli.daemons", "ShardingSphere-SQL"), starting with a letter.
bool IsBracketedName(std::string_view w);

// A Java class's simple name as %c{1} writes it before ": " ("FlinkScheduler$", "ZkUtils"): a
// capital first, identifier characters; a word of prose before a colon has no capital or is a
// level.
bool IsClassName(std::string_view w);

// A class's simple name written in CamelCase ("KAFKAMessageListener", "ZkUtils"): a capital
// inside it after a lower-case letter, which a word of prose does not have.
bool IsCamelCase(std::string_view w);

std::string_view TrimBoth(std::string_view s);

// Whether another bracket follows the field that ends at s[pos], after blanks or " - "
// ("[ main ] - [ INFO ]"): a bracket padded with blanks inside is a field only in such a row.
bool BracketNext(std::string_view s, size_t pos);

// A lower-case word: Consul's subsystem ("[ERR] agent: msg").
bool IsLowerWord(std::string_view w);

// A Java method's name as %M writes it: a lower-case letter, then letters, digits or '_'
// ("run", "lookForLeader").
bool IsMethodName(std::string_view w);

// An upper-case level word ("local.ERROR": Monolog's channel and level).
bool IsUpperLevel(std::string_view w);

// An upper-case name ("REPL", "NETWORK"): a component, as MongoDB writes it after its level.
bool IsUpperName(std::string_view w);

bool IsNumber(std::string_view w);

// Digits and punctuation only ("18-03-02-11-44-29", "0042"): a time the table lacks, a count or
// an id, never a thread's or a logger's name.
bool HasNoLetter(std::string_view w);

// A class and its method as a location writes them ("Catalog.replayJournal",
// "o.a.f.n.Provider$Watcher.run", "BDBJournalCursor.<init>"): a logger name whose last part
// starts with a capital, a dot, then a method (lower-case first, or a constructor).
bool IsClassDotMethod(std::string_view w);

// Java's "Class#method" notation, as Jenkins writes a record's source before ": "
// ("hudson.WebAppMain#contextInitialized", "jenkins.InitReactorRunner$1#onAttained").
bool IsClassHashMethod(std::string_view w);

// A thread's id as a key and a number ("id=1", Jenkins' "[id=34]"; "tid=7"): the key's length, or
// 0. Other keys with a value are an MDC's.
size_t ThreadIdKeyLength(std::string_view w);

// A thread named with keys and values, as HBase names its RPC handlers
// ("RpcServer.default.FPBQ.Fifo.handler=29,queue=2,port=16020"): no blank, a dotted name before
// the first '='. An MDC block's keys are plain words, its pairs apart by blanks.
bool IsKeyedThreadName(std::string_view w);

// A thread, then its MDC in parentheses or braces after a blank, in one bracket (HBase 2.5's
// "[%t%notEmpty{ (%X)}]": "RS_OPEN_REGION-regionserver/host:16020-0 ({event_type=M_RS_OPEN_REGION,
// pid=33})"): the thread's length, or 0.
size_t ThreadBeforeContext(std::string_view w);

// A logger with its line in parentheses glued to it (HBase's "%c{2}(%L): ",
// "replication.ZKReplicationQueueStorage(391)").
bool IsLoggerWithLine(std::string_view w);

// A class, its method and its line: Doris' "Catalog.replayJournal():2495" (%C{1}.%M():%L),
// Flume's "org.apache.flume.node.Application.start:61" (%C.%M:%L). *parens: "()" after the
// method.
bool IsClassMethodLine(std::string_view w, bool* parens);

// log4j's %l, the class, method, file and line:
// "org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1096)".
bool IsFullLocation(std::string_view w);

// A run of two or more upper-case names, each with its value in brackets, at s[pos] (Oozie's
// "SERVER[host] USER[-] GROUP[-] TOKEN[] APP[wf] JOB[id] ACTION[id] msg"): the position past the
// last bracket, and in *key the run as pattern text ("SERVER[%X{SERVER}] USER[%X{USER}]"); npos
// when there is no such run.
size_t NamedBracketsEnd(std::string_view s, size_t pos, std::string* key);

// A Java class with its package ("com.dangdang.ddframe.job.LogJobEventListener"): dotted, the
// last part capitalised. A host name ("zk1.example.com") is lower-case throughout.
bool IsQualifiedClassName(std::string_view w);

// A thread id in hexadecimal ("0x00007ff435c4f700"), as Boost.Log and C++ loggers print it.
bool IsHexThreadId(std::string_view w);

// A tag set: lower-case names joined by commas ("gc,heap,coops"), what the JVM's unified logging
// (-Xlog, Java 9 on) prints for a logger. A thread name has no commas.
bool IsTagSet(std::string_view w);

// A name whose parts are joined by '/' ("localservices/BROKER": Moleculer's node and module).
bool IsSlashName(std::string_view w);

// "name/pid on host": the logger, process id and host that pino-pretty writes in parentheses
// ("(mock-api/68093 on QL000000870): msg") and bunyan's CLI bare ("app/123 on example.com: msg");
// the position of `close` after the host, or npos. The process id is no thread.
size_t NamePidOnHostEnd(std::string_view s, size_t pos, char close);

// A table cell after a level and its bar ("INFO   | jvm 1    | 2019/05/23 ..."): a name, or a
// name and a number, padded before the next bar, as the Tanuki service wrapper writes the source
// of each line ("wrapper", "jvm 1"); the end of its text, or npos.
size_t PipeCellEnd(std::string_view s, size_t pos);

// An Erlang process id ("<0.1087.0>"): numbers joined by dots in angle brackets, what lager and
// OTP's logger print after the level (the process is Erlang's unit of concurrency: a thread).
bool IsErlangPid(std::string_view w);

// A module and its level in one bracket ("[mpm_event:notice]", Apache httpd's): the name, then
// a level word after the last colon.
bool IsNameColonLevel(std::string_view w);

// A component name with colons ("output:kafka:kafka.1"): name characters and single colons,
// and not a location ("server.go:129": a number after the last colon).
bool IsColonName(std::string_view w);

}  // namespace faultline::infer
