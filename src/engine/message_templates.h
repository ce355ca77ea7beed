// Message templates: what to show when no rule explains the logs. Warning-or-worse records are
// grouped per host by their message with the variable parts masked (a simple, Drain-like
// clustering: one masked string is one template), so that an unknown failure still points to the
// host's first and rarest complaints. Memory is bounded by host and template counts, not by the
// size of the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "src/base/record.h"
#include "src/store/source_info.h"

namespace faultline {

/// Masks the variable parts of a log message so that lines of one template compare equal:
/// numbers (incl. with units like 3932ms), hex ids (0x3007672f801a313), IPv4/IPv6 addresses and
/// host:port, paths and URLs, quoted strings, UUIDs and long hex strings each become "<*>"; the
/// value of key=value / key:value is masked when it is variable ("sessionid:<*>",
/// "SyncThread:<*>"); a number standing alone inside a word is masked ("pool-<*>-thread-<*>"), one
/// glued to letters is kept ("zk2", "log4j"). Consecutive masks collapse; whitespace is normalised
/// (runs become one space, none at either end). Only the first line of `message` is used. Never
/// allocates more than the output.
std::string MaskTemplate(std::string_view message);
/// The same into `*out` (cleared first), which keeps its capacity: no allocation once warm.
void MaskTemplate(std::string_view message, std::string* out);

struct TemplateStat {
  std::string host;               ///< SourceInfo::host ("" -> "-")
  std::string text;               ///< the masked template
  std::string example;            ///< the first record's header line as written
  std::string source;             ///< SourceInfo::name of the first record
  int64_t line = 0;               ///< its line number
  Level level = Level::kUnknown;  ///< the highest level seen for this template
  int64_t count = 0;
  int64_t first = kNoInstant, last = kNoInstant;
  bool earliest = false;  ///< the host's first template (the others are its rarest)
};

class MessageTemplates {
 public:
  static constexpr size_t kMaxPerHost = 1024;
  static constexpr size_t kMaxHosts = 256;
  /// At most this many bytes of a message are masked, and a template or example is cut (at a
  /// UTF-8 boundary) to kMaxTextBytes: messages alike that far share a template.
  static constexpr size_t kMaxMessageBytes = 4096;
  static constexpr size_t kMaxTextBytes = 512;

  explicit MessageTemplates(size_t max_per_host = kMaxPerHost, size_t max_hosts = kMaxHosts)
      : max_per_host_(max_per_host), max_hosts_(max_hosts) {}

  /// Records below WARN (and unparsed records whose level is unknown) are ignored. Bounded: at most
  /// max_per_host templates per host and max_hosts hosts; beyond that a record of a new template
  /// (or of a new host) is counted in dropped() only. Cheap for the common case (a WARN line whose
  /// template was seen before): no allocation, the template is masked into a reused scratch string.
  /// `example`, `source` and `line` are those of the earliest record by instant (the first added
  /// among equals, or the first added while none has an instant).
  void Add(const Record& record, const SourceInfo& source);

  /// Per host (hosts in name order): its first template (earliest first instant; templates without
  /// an instant come after all others, in the order added) and then its rarest ones (lowest count,
  /// ties by level desc, then first instant, then order added), up to `per_host` entries in all,
  /// without duplicates.
  std::vector<TemplateStat> Summary(size_t per_host = 5) const;

  int64_t dropped() const { return dropped_; }  ///< records whose template could not be kept
  int64_t records() const { return records_; }  ///< warn-or-worse records added
  size_t hosts() const { return hosts_.size(); }
  size_t templates() const;  ///< over all hosts

 private:
  struct Entry {
    std::string example;
    std::string source;
    int64_t line = 0;
    Level level = Level::kUnknown;
    int64_t count = 0;
    int64_t first = kNoInstant, last = kNoInstant;
    uint64_t order = 0;  ///< when it was first added
  };
  using Templates = std::unordered_map<std::string, Entry>;
  /// The template entry a message (as cut for masking) of a host led to last time. Warnings
  /// repeat word for word (most of a storm is one line), and looking one up costs a hash and a
  /// compare where masking it costs a pass over every word. Entries of a Templates map stay put
  /// (nothing is erased), so a slot may point at one.
  struct RecentMessage {
    const Templates* host = nullptr;
    std::string message;
    Templates::value_type* entry = nullptr;
  };
  static constexpr size_t kRecentSlots = 512;            // direct-mapped by the message's hash
  static constexpr size_t kMaxRecentMessageBytes = 512;  // longer ones are masked each time
  /// The entry of `templates` for `message`: from the recent slots, else masked and found or
  /// added (null when the host has no room for a new template).
  Templates::value_type* Find(Templates& templates, std::string_view message, bool* added);
  /// The slot of `recent` for `key` (`recent` sized on first use).
  static RecentMessage& Slot(std::vector<RecentMessage>& recent, std::string_view key);

  size_t max_per_host_, max_hosts_;
  std::map<std::string, Templates, std::less<>> hosts_;
  std::vector<RecentMessage> recent_;
  /// The same by the message with every digit written as '0', for templates without a digit.
  /// Masking tells digits apart from other bytes but never one digit from another, so messages
  /// alike but for their digits mask alike but for the digits left unmasked: when none is left
  /// (the usual case: ids, ports and durations are masked), they share the template. Warnings
  /// of a sick server repeat with a new session id or zxid each time.
  std::vector<RecentMessage> recent_by_digits_;
  std::string scratch_, normalized_;
  uint64_t next_order_ = 0;
  int64_t dropped_ = 0, records_ = 0;
};

}  // namespace faultline
