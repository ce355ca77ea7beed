#include "src/time/clock.h"

#include <date/tz.h>

#include "src/base/duration.h"
#include "src/base/record.h"

namespace faultline {
namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;
// DST and other offset changes are shorter than a day, so a local time more than a day away
// from both ends of an interval's local span is unambiguous: safe to serve from the cache.
constexpr int64_t kCacheMargin = 86'400 * kMicrosPerSecond;

int64_t SecondsToMicros(std::chrono::seconds s) { return s.count() * kMicrosPerSecond; }

bool LocateZone(const std::string& name, const date::time_zone** zone, std::string* err) {
  if (name == "UTC" || name == "utc" || name == "Z") {
    *zone = nullptr;
    return true;
  }
  try {
    *zone = date::locate_zone(name);
    return true;
  } catch (const std::exception& e) {
    *err = "unknown time zone '" + name + "' (use an IANA name such as Europe/Berlin or UTC)";
    return false;
  }
}

}  // namespace

int64_t SourceClock::ToUtcOutsideCache(int64_t local_us, uint16_t* flags) {
  int64_t whole_seconds = local_us >= 0 ? local_us / kMicrosPerSecond
                                        : -((-local_us + kMicrosPerSecond - 1) / kMicrosPerSecond);
  date::local_seconds local{std::chrono::seconds(whole_seconds)};
  date::local_info info = zone_->get_info(local);
  int64_t offset = 0;
  switch (info.result) {
    case date::local_info::unique: {
      offset = SecondsToMicros(info.first.offset);
      int64_t begin = info.first.begin.time_since_epoch().count() * kMicrosPerSecond + offset;
      int64_t end = info.first.end.time_since_epoch().count() * kMicrosPerSecond + offset;
      cache_begin_ = begin + kCacheMargin;
      cache_end_ = end - kCacheMargin;
      cache_offset_ = offset;
      last_ambiguous_ = false;
      break;
    }
    case date::local_info::nonexistent:
      offset = SecondsToMicros(info.first.offset);  // the offset before the jump
      *flags |= kDstGap;
      last_ambiguous_ = false;
      break;
    case date::local_info::ambiguous: {
      bool second = last_ambiguous_ && (last_chose_second_ || local_us < last_local_);
      offset = SecondsToMicros(second ? info.second.offset : info.first.offset);
      *flags |= kDstAmbiguous;
      last_ambiguous_ = true;
      last_chose_second_ = second;
      break;
    }
  }
  last_local_ = local_us;
  return local_us - offset + skew_;
}

bool ClockSettings::AddZone(const std::string& spec, std::string* err) {
  size_t eq = spec.find('=');
  const date::time_zone* zone = nullptr;
  if (eq == std::string::npos) {
    if (!LocateZone(spec, &zone, err)) return false;
    default_zone_ = zone;
    return true;
  }
  std::string host = spec.substr(0, eq);
  if (host.empty()) return *err = "--tz '" + spec + "': empty host before '='", false;
  if (!LocateZone(spec.substr(eq + 1), &zone, err)) return false;
  host_zones_[host] = zone;
  return true;
}

bool ClockSettings::AddSkew(const std::string& spec, std::string* err) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    *err = "--skew '" + spec + "': expected HOST=±DURATION, e.g. nn1=+1.5s";
    return false;
  }
  int64_t micros = 0;
  std::string why;
  if (!ParseSignedDuration(spec.substr(eq + 1), &micros, &why)) {
    *err = "--skew '" + spec + "': " + why;
    return false;
  }
  host_skews_[spec.substr(0, eq)] = micros;
  return true;
}

SourceClock ClockSettings::ClockFor(const std::string& host) const {
  const date::time_zone* zone = default_zone_;
  if (auto it = host_zones_.find(host); it != host_zones_.end()) zone = it->second;
  int64_t skew = 0;
  if (auto it = host_skews_.find(host); it != host_skews_.end()) skew = it->second;
  return SourceClock(zone, skew);
}

std::string ClockSettings::ZoneNameFor(const std::string& host) const {
  const date::time_zone* zone = default_zone_;
  if (auto it = host_zones_.find(host); it != host_zones_.end()) zone = it->second;
  return zone == nullptr ? "UTC" : std::string(zone->name());
}

}  // namespace faultline
