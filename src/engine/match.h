// What the engine hands on: the evidence a record gave a step or context entry, a rule's match
// (with the steps not in the logs given and its confidence), and the near misses.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/record.h"
#include "src/engine/rule.h"

namespace faultline {

/// A record that matched a step or context entry, copied out of the stream (the engine holds
/// it as a Candidate until it joins a match: src/engine/candidate.h).
struct Evidence {
  std::string name;  ///< step or context name
  int64_t instant = kNoInstant;
  int precision = 3;
  std::string source;
  int64_t line = 0;
  std::string host;
  Component component = Component::kOther;
  Level level = Level::kUnknown;
  int32_t myid = -1;
  std::string session;
  std::string header;              ///< the record's first line as written
  std::string first_continuation;  ///< e.g. the exception line of a stack trace
  std::string message;
  std::map<std::string, std::string> captures;
  int occurrences = 1;  ///< for a `count` step: how many fell in the window
  /// Matched on its message alone: the step names a component or logger the record's layout
  /// does not show (a pasted excerpt, a foreign layout).
  bool assumed = false;
  /// Its source has no time at all: the instant is synthetic, in line order (1 ms per line).
  bool order_only = false;
};

struct Match {
  const Rule* rule = nullptr;
  std::vector<Evidence> steps;    ///< matched steps in order (an absent step is not listed)
  std::vector<Evidence> context;  ///< context evidence, in time order
  bool absence = false;           ///< the last step is `absent` and did not come
  int64_t absence_deadline = kNoInstant;
  bool window_open_at_end = false;  ///< the logs ended before the absence window closed
  int64_t logs_end = kNoInstant;    ///< with window_open_at_end: the last instant of the logs
  int64_t first = kNoInstant, last = kNoInstant;
  /// Steps of the rule that are not in the logs given (never an `absent` step), in rule order.
  /// Empty for a full match.
  std::vector<std::string> missing;
  /// The logs ended while the match still waited for its missing later steps.
  bool ended_waiting = false;
  /// 1 for a full match; lower when steps are missing (see Confidence() and docs/rules.md).
  double confidence = 1.0;
};

/// The confidence of a match of `rule` that holds the steps marked in `matched` (by index):
/// 1 when every non-absent step is there; otherwise 0.5 + 0.5 * (weight matched / weight of all),
/// where decisive and required steps weigh 2 and corroborating ones 1. (The engine then takes
/// 0.8 of that when a step was matched on its message alone; see Evidence::assumed.)
double Confidence(const Rule& rule, uint64_t matched);

/// All steps of a rule appeared, but one came later than its window allows; or (`half`) the
/// first steps of a chain appeared and the rest never did, so nothing could open.
struct NearMiss {
  const Rule* rule = nullptr;
  Evidence from, to;
  int64_t gap = 0, allowed = 0;
  bool half = false;
  std::vector<std::string> missing;  ///< for `half`: the steps that never came
};

/// The first ZooKeeper session id ("0x3007672f801a313") in `text`, lower-case; "" if none.
std::string FindSessionId(std::string_view text);
/// The same into `id`, reusing its buffer (the engine's per-record path).
void FindSessionId(std::string_view text, std::string* id);

}  // namespace faultline
