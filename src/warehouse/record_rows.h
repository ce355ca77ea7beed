// One Record as one row of the warehouse's `events` table and back, byte for byte.
//
// The rows travel as ClickHouse's TabSeparated format, not JSON: a log may hold bytes that are not
// UTF-8, and JSON escaping (text_out.h) would turn them into U+FFFD and shift every Span after
// them; TabSeparated escapes only '\\', '\t', '\n' (and '\r', '\0' for safety) and carries any
// other byte as it is, so a Record comes back exactly as it went in.
#pragma once

#include <string>
#include <string_view>

#include "src/base/record.h"

namespace faultline {

/// The columns AppendRecordRow writes, in order: INSERT INTO db.events (kInsertColumns) FORMAT
/// TabSeparated.
inline constexpr std::string_view kInsertColumns =
    "source, host, instant, local, line, myid, code_line, continuation_lines, flags, precision, "
    "level, component, thread_at, thread_len, logger_at, logger_len, message_at, message_len, "
    "thread, logger, message, text";

/// The columns ParseRecordRow reads, in order: SELECT kRecordColumns FROM db.events WHERE ...
/// FORMAT kRecordFormat. (The thread, logger and message strings are for SQL; the Record rebuilds
/// them from text and the spans.)
inline constexpr std::string_view kRecordColumns =
    "source, instant, local, line, myid, code_line, continuation_lines, flags, precision, "
    "level, component, thread_at, thread_len, logger_at, logger_len, message_at, message_len, "
    "text";
inline constexpr std::string_view kRecordFormat = "TabSeparated";

/// Appends `record` as one '\n'-terminated row of kInsertColumns. `record.source` is not written:
/// `source_key` (the source's key in the sources table) stands for it.
void AppendRecordRow(std::string* out, const Record& record, std::string_view source_key,
                     std::string_view host);

/// Rebuilds a Record from one row of kRecordColumns (without its '\n'); record->source is left
/// as it was (the caller maps *source_key to its source index). False with *error (naming the
/// column) for a row that is not one, e.g. a server error that interrupted a streamed answer.
bool ParseRecordRow(std::string_view line, Record* record, std::string* source_key,
                    std::string* error);

/// ClickHouse's TabSeparated escaping of one field, appended to *out.
void AppendTsvField(std::string* out, std::string_view text);
/// The reverse; false for a malformed escape.
bool UnescapeTsvField(std::string_view field, std::string* out);

}  // namespace faultline
