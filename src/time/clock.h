// From the wall-clock time a log wrote to one UTC instant. Zones come from the system tz
// database (date's tz library, USE_OS_TZDB): nothing is downloaded.
//
// DST policy (zone-less log times, which is what log4j and Python write):
//  - a time inside a spring-forward gap cannot have been read off a correct clock; it is taken
//    with the offset in force before the gap (02:30 in a 02:00->03:00 gap becomes 03:30 local)
//    and flagged `dst-gap`;
//  - a time inside a fall-back overlap is taken as its first occurrence (daylight time), unless
//    the same source already went backwards inside that overlap, or its previous record was
//    already resolved to the second occurrence: then the second (standard time). Flagged
//    `dst-ambiguous`. A log that runs through the overlap thus stays in order.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace date {
class time_zone;
}

namespace faultline {

/// Converts one source's wall-clock times to UTC and applies its skew. Keeps the zone offset of
/// the last interval it looked up, so consecutive lines cost an add and two compares.
class SourceClock {
 public:
  /// `zone` == nullptr means UTC. `skew_us` is added to every instant.
  SourceClock(const date::time_zone* zone, int64_t skew_us) : zone_(zone), skew_(skew_us) {}

  /// UTC microseconds for a wall-clock time; ORs kDstGap / kDstAmbiguous into *flags. Inline
  /// for UTC and the cached interval (every record's path); the zone lookup is out of line.
  int64_t ToUtc(int64_t local_us, uint16_t* flags) {
    if (zone_ == nullptr) return local_us + skew_;
    if (local_us >= cache_begin_ && local_us < cache_end_) {
      last_local_ = local_us;
      last_ambiguous_ = false;
      return local_us - cache_offset_ + skew_;
    }
    return ToUtcOutsideCache(local_us, flags);
  }
  /// UTC microseconds for a time that carried its own UTC offset.
  int64_t WithOffset(int64_t local_us, int64_t offset_us) const {
    return local_us - offset_us + skew_;
  }

 private:
  int64_t ToUtcOutsideCache(int64_t local_us, uint16_t* flags);

  const date::time_zone* zone_;
  int64_t skew_;
  // Local interval [cache_begin_, cache_end_) where the offset is cache_offset_ and unique.
  int64_t cache_begin_ = 1, cache_end_ = 0, cache_offset_ = 0;
  int64_t last_local_ = 0;
  bool last_ambiguous_ = false, last_chose_second_ = false;
};

/// The --tz and --skew settings, resolved once.
class ClockSettings {
 public:
  /// Parses "ZONE" (all sources) or "HOST=ZONE". False and *err on an unknown zone.
  bool AddZone(const std::string& spec, std::string* err);
  /// Parses "HOST=±DURATION". False and *err when malformed.
  bool AddSkew(const std::string& spec, std::string* err);
  /// The clock for a source on `host` ("" when unknown).
  SourceClock ClockFor(const std::string& host) const;
  /// Zone name used for `host` ("UTC" by default).
  std::string ZoneNameFor(const std::string& host) const;

 private:
  const date::time_zone* default_zone_ = nullptr;
  std::map<std::string, const date::time_zone*> host_zones_;
  std::map<std::string, int64_t> host_skews_;
};

}  // namespace faultline
