// Whether a file found in a directory, whose name is not a log's (*.log, *.out, ...), holds log
// lines anyway: logs people attach or save come as zk.txt, namenode.log.txt, "zookeeper" or
// gc.log.0.current, and a directory walk that went by name alone read none of them.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

/// False for names that are never logs (documents, sources, configs, archives, images, state:
/// README.md, expect.toml, x.py, x.xml, x.json, x.tar, hidden files), which are not opened.
bool MayHoldLogLines(const std::string& name);

/// True when at least a third of the first lines (up to 30 non-blank ones in the first 8 KiB)
/// look like log lines: a time of day (12:34:56), a level word in capitals (INFO, WARN, ERROR,
/// ...) or a stack-trace line ("\tat ...", "Caused by: "); and at least two do (one, in a
/// one-line file). Text only: a NUL byte outside a UTF-16 file means binary. A file that cannot
/// be opened is not taken: nothing says it is a log (/var/log/btmp, unreadable but to root, is
/// not one), and reporting it would turn a clean run into "an input was skipped".
bool LooksLikeLogText(const std::string& path);

/// True for a file that opens, is not empty and holds text (no NUL byte in its first 8 KiB,
/// outside a UTF-16 file): what a directory holding nothing that looks like a log still offers
/// (a one-line excerpt without time, pasted into answer.txt).
bool IsPlainText(const std::string& path);

/// Both tests on one read of the file: a log (kLog), other text (kPlain), or neither (kNone:
/// binary, blank or unreadable).
enum class TextKind { kNone, kPlain, kLog };
TextKind SniffText(const std::string& path);

/// The same test on a sample of the file's first bytes (for tests and for LooksLikeLogText).
bool SampleLooksLikeLog(std::string_view sample, bool sample_is_whole_file);

}  // namespace faultline
