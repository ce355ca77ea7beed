// Which lines belong to the record before them: Java stack frames and causes (also frames pasted
// without their "\tat "), Python tracebacks,
// and the STARTUP_MSG / SHUTDOWN_MSG banners Hadoop daemons print between /*** and ***/.
#pragma once

#include <string_view>

namespace faultline {

/// True for a line that continues the previous record rather than standing alone.
bool IsContinuationLine(std::string_view line);

/// An indented line of text, not a stack frame nor an exception: what a layout that writes a
/// record's message on the lines after its header ("[[", "|") indents it as.
bool IsIndentedText(std::string_view line);

}  // namespace faultline
