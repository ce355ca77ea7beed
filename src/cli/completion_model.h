// What shell completion needs to know about the command line, read from the one CLI11 definition
// (so the bash, zsh and fish scripts cannot drift from it): each command path with its
// subcommands, options and what their values are.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace faultline {

enum class ValueKind {
  kNone,   ///< a flag, or free text (a time, a duration, a pattern): nothing to offer
  kWords,  ///< one of `words` (from the option's IsMember check, or known names)
  kFiles,
  kDirs,
  kRules,  ///< a rule id, asked from `faultline rules list` at completion time
};

struct CompletionOption {
  std::vector<std::string> names;  ///< "--format", "-f"
  std::string help;                ///< its first line
  bool takes_value = false;
  ValueKind kind = ValueKind::kNone;
  std::vector<std::string> words;
};

struct CompletionCommand {
  std::string path;  ///< "" for faultline itself, "analyze", "rules show"
  std::vector<std::pair<std::string, std::string>> subcommands;  ///< name, help
  std::vector<CompletionOption> options;
  ValueKind positional = ValueKind::kNone;  ///< what the command's operands are
};

/// Every visible command of `app` (hidden ones, in the group "", are left out), parents first.
std::vector<CompletionCommand> CompletionModel(const CLI::App& app);

std::string BashCompletion(const std::vector<CompletionCommand>& model);
std::string ZshCompletion(const std::vector<CompletionCommand>& model);
std::string FishCompletion(const std::vector<CompletionCommand>& model);

}  // namespace faultline
