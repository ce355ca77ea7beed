// Logs that a mail client or an archive folded at a fixed width (72-80 columns, as mailing-list
// posts and their archives do): every long line became a short head and fragments below it,
// which no layout reads ("2019-09-17 04:30:01,207 [myid:3] - INFO  " then
// "[SessionTracker:ZooKeeperServer@355] - Expiring session ..."). Seen from an input's first
// lines: the widest line sets the width, and a fragment is a line that starts no record, is not
// indented (a stack frame), and whose first word would not have fitted on the line above. When
// the joined lines let a layout read a larger share of them (src/store/source_set.cc decides),
// the fragments are joined back to their head before any parser sees them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace faultline {

/// Whether `line` begins like a log record or a trace's own line: a date or time of day, a
/// bracketed date, a syslog month, a level word, an exception's name, "Caused by", "Traceback".
bool StartsRecordOrTrace(std::string_view line);

/// Whether `next` continues `above` (the physical line before it) in a log folded at `width`.
bool ContinuesFolded(std::string_view above, std::string_view next, size_t width);

/// `next` appended to `*joined`, as the folding split them: directly after a trailing blank or
/// inside a word too long for a line, else after one space (the blank an archive trimmed).
void JoinFolded(std::string_view above, std::string_view next, size_t width, std::string* joined);

/// The width `lines` (an input's first lines, cleaned of paste marks) were folded at, or 0 when
/// they were not: at least 8 non-empty lines, all at most 80 bytes (mail wraps at 72-80), a quarter
/// of them fragments.
size_t DetectFoldWidth(const std::vector<std::string_view>& lines);

/// `lines` with each fragment joined to its head (for detection; ReaderInput does the same as
/// it streams).
std::vector<std::string> UnfoldLines(const std::vector<std::string_view>& lines, size_t width);

}  // namespace faultline
