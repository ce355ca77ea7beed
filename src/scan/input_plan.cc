#include "src/scan/input_plan.h"

#include <unordered_map>

namespace faultline {
namespace {

bool IsGzip(const std::string& path) {
  return path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
}

}  // namespace

FileState RememberFile(const SourceInfo& info, const FileIdentity& id, std::string fingerprint) {
  FileState file;
  file.path = info.path;
  file.device = id.device;
  file.inode = id.inode;
  file.size = id.size;
  file.mtime_ns = id.mtime_ns;
  file.fingerprint = std::move(fingerprint);
  file.offset = info.end_offset;
  file.line = info.end_line;
  file.replay_offset = info.replay_offset;
  file.replay_line = info.replay_line;
  file.last_instant = info.last_instant;
  return file;
}

bool Unchanged(const FileState& old, const FileIdentity& now, const std::string& path) {
  if (old.size < 0 || old.device != now.device || old.inode != now.inode || old.size != now.size ||
      old.mtime_ns != now.mtime_ns) {
    return false;
  }
  // The same size and time but other first bytes: rewritten in place (copytruncate, then as
  // much written again within the file system's time granularity).
  return old.fingerprint.empty() || MatchesFingerprint(path, old.fingerprint);
}

InputPlan PlanInputs(const std::vector<InputFile>& found, const ScanState& state) {
  InputPlan plan;
  plan.inputs = found;
  plan.stats.resize(found.size());
  plan.stat_ok.assign(found.size(), false);
  plan.resumed_from.assign(found.size(), -1);
  std::unordered_map<std::string, size_t> by_path;
  for (size_t k = 0; k < state.files.size(); ++k) by_path.emplace(state.files[k].path, k);

  // Idle: every file found is a file remembered, unchanged, and every file remembered is found.
  bool idle = !found.empty() && found.size() == state.files.size();
  for (size_t i = 0; i < found.size(); ++i) {
    std::string err;
    plan.stat_ok[i] = found[i].path != "-" && StatIdentity(found[i].path, &plan.stats[i], &err);
    if (!idle) continue;
    auto known = by_path.find(found[i].path);
    idle = plan.stat_ok[i] && known != by_path.end() &&
           Unchanged(state.files[known->second], plan.stats[i], found[i].path);
  }
  plan.idle = idle;
  if (idle) return plan;

  std::vector<bool> taken(state.files.size(), false);
  for (size_t i = 0; i < plan.inputs.size(); ++i) {
    InputFile& in = plan.inputs[i];
    in.complete_lines_only = true;
    if (!plan.stat_ok[i]) continue;
    const FileIdentity& id = plan.stats[i];
    // A .gz is compared by its decompressed length, which stat does not tell: the fingerprint
    // decides.
    bool gz = IsGzip(in.path);
    bool resumed = false;
    for (int pass = 0; pass < 2 && !resumed; ++pass) {
      for (size_t k = 0; k < state.files.size() && !resumed; ++k) {
        const FileState& old = state.files[k];
        if (taken[k]) continue;
        bool same_inode = old.device == id.device && old.inode == id.inode;
        if (pass == 0 && !same_inode) continue;     // first pass: the same file, by inode
        if (!gz && id.size < old.offset) continue;  // shrank: truncated (copytruncate), replaced
        if (!MatchesFingerprint(in.path, old.fingerprint)) continue;
        taken[k] = true;
        resumed = true;
        in.start_offset = old.replay_offset;
        in.start_line = old.replay_line;
        plan.resumed_from[i] = static_cast<int>(k);
        plan.decided_lines[in.path] = old.line;
      }
    }
  }
  return plan;
}

}  // namespace faultline
