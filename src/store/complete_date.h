// Times written without their year or date (syslog, glog, a time of day alone), completed from a
// time that has them. Shared by a source's own records and the lines inside a wrapper.
#pragma once

#include <cstdint>

namespace faultline {

/// A time written without its year or date, completed from a reference time (both wall-clock
/// microseconds): the reference's year (date), moved by one where that puts the time more than half
/// a year (day) away from it - a December glog line after a January record is last year's. With
/// `latest` the reference is the start of the last month the line can be in (the file's), and a
/// later month is the year before, as for syslog times.
int64_t CompleteDate(int64_t local, bool no_date, int64_t reference, bool latest = false);

}  // namespace faultline
