// Input planning for `faultline scan`: which of the files found now are the files the state
// remembers (by path and inode, else by the fingerprint of their first bytes: a rotated, perhaps
// gzipped copy), where each resumes, which lines an earlier run has already decided, and whether
// anything changed at all (an idle run reads nothing).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "src/base/input_set.h"
#include "src/scan/file_identity.h"
#include "src/scan/state_file.h"
#include "src/store/source_info.h"

namespace faultline {

struct InputPlan {
  /// The files to read, each with its resume offset and line (complete lines only).
  std::vector<InputFile> inputs;
  /// Per input: stat(2) before reading (size and mtime go to the next state); ok false when
  /// stat failed (the reader then says why).
  std::vector<FileIdentity> stats;
  std::vector<bool> stat_ok;
  /// Per input: the index in ScanState::files of the entry it resumes, -1 when it is new.
  std::vector<int> resumed_from;
  /// Per input path: lines 1..N were read by an earlier run; a match none of whose steps lies
  /// beyond them was decided then (reported or not) and is not news now.
  std::map<std::string, int64_t> decided_lines;
  /// Nothing changed since the state was written: the same paths, and each with the same
  /// device, inode, size, modification time and head fingerprint.
  bool idle = false;
};

/// Plans a run over `found` (ExpandInputs' result) with what `state` remembers.
InputPlan PlanInputs(const std::vector<InputFile>& found, const ScanState& state);

/// What the next state remembers of a file just read: `id` as stat gave it before the read,
/// `fingerprint`, and where `info` stopped and wants to resume.
FileState RememberFile(const SourceInfo& info, const FileIdentity& id, std::string fingerprint);

/// True when `path` is, by stat and head fingerprint, exactly the file `old` describes.
bool Unchanged(const FileState& old, const FileIdentity& now, const std::string& path);

}  // namespace faultline
