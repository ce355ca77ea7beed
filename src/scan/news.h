// Exactly-once reporting for `faultline scan`: which incidents of this run are news, which
// earlier incident each one updates, where the next run resumes, and what to remember.
//
// A run re-reads some of each log (the replay, to rebuild the rules' windows) before the new
// bytes. A match all of whose steps lie in lines an earlier run had read was decided by that
// run, reported or not, whatever the time spread of the inputs or how the replay happened to
// start; so only matches with a step in new lines (or an absence window that closed only now)
// can be news. Among those, the fingerprints of matches already reported keep a match found
// again (a log re-read after a rotation faultline did not recognise) from being reported twice.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "src/engine/incident.h"
#include "src/scan/state_file.h"

namespace faultline {

/// True when `m` was not decided by an earlier run: one of its steps lies beyond the lines of
/// its source that an earlier run read (`decided_lines`, by source name; a source not listed
/// is new), or it is an absence whose window closed after `previous_watermark`.
bool IsUndecided(const Match& m, const std::map<std::string, int64_t>& decided_lines,
                 int64_t previous_watermark);

struct News {
  std::vector<size_t> incidents;    ///< indices into the run's incidents, in their order
  std::vector<std::string> keys;    ///< per reported incident: its key (names its report files)
  std::vector<std::string> status;  ///< per reported incident: "new" or "updated"
  std::vector<ReportedIncident> remember;  ///< matches reported now, to add to the state
};

/// The incidents to report: those with an undecided match whose fingerprint was never
/// reported. An incident that also holds a reported match is an update of that match's
/// incident (and keeps its key); otherwise it is new, keyed by its own fingerprint.
News SelectNews(const std::vector<Incident>& incidents,
                const std::vector<ReportedIncident>& reported,
                const std::map<std::string, int64_t>& decided_lines, int64_t previous_watermark);

/// The instant the next run re-reads from: the rules' longest span before the slowest source's
/// last record, and earlier still to the first step of any match that ends after that, so that
/// a re-read never starts in the middle of a chain and pairs its records differently.
int64_t ReplayFrom(int64_t slowest_last_instant, int64_t span, const std::vector<Match>& matches);

/// The reported matches worth keeping: those ending at or after `horizon` (a later replay may
/// meet them again), at most `cap` of them, latest first kept.
std::vector<ReportedIncident> KeepReported(std::vector<ReportedIncident> reported, int64_t horizon,
                                           size_t cap = 100'000);

/// The report files' name for an incident key "rule|host|2019-09-17T05:04:12.043000Z|8a6d8564":
/// "2019-09-17T05-04-12_rule_host_8a6d8564" (time, rule, host, digest of the root line), so two
/// incidents of one rule in one second still get files of their own, and an update rewrites the
/// files of the incident it updates.
std::string ReportName(const std::string& key);

}  // namespace faultline
