#include "src/store/complete_date.h"

#include <date/date.h>

namespace faultline {

int64_t CompleteDate(int64_t local, bool no_date, int64_t reference, bool latest) {
  constexpr int64_t kDay = 86'400'000'000LL;
  auto days_of = [](int64_t micros) {
    return date::sys_days{date::days{micros >= 0 ? micros / kDay : (micros - kDay + 1) / kDay}};
  };
  if (no_date) {
    int64_t time_of_day = local - days_of(local).time_since_epoch().count() * kDay;
    int64_t t = days_of(reference).time_since_epoch().count() * kDay + time_of_day;
    if (t < reference - kDay / 2) t += kDay;
    if (t > reference + kDay / 2) t -= kDay;
    return t;
  }
  date::year_month_day written{days_of(local)};
  date::year_month_day ref{days_of(reference)};
  int64_t within_day = local - days_of(local).time_since_epoch().count() * kDay;
  auto at_year = [&](int year) {
    date::year_month_day ymd{date::year{year}, written.month(), written.day()};
    if (!ymd.ok()) ymd = date::year{year} / written.month() / date::last;  // Feb 29
    return date::sys_days{ymd}.time_since_epoch().count() * kDay + within_day;
  };
  int year = static_cast<int>(ref.year());
  if (latest) return at_year(written.month() > ref.month() ? year - 1 : year);
  int64_t t = at_year(year);
  constexpr int64_t kHalfYear = 183 * kDay;
  if (t > reference + kHalfYear) t = at_year(year - 1);
  if (t < reference - kHalfYear) t = at_year(year + 1);
  return t;
}

}  // namespace faultline
