// The subcommands. Each file src/cli/<name>_cmd.cc defines Setup<Name>(), which registers the
// subcommand and its options and returns a function that runs it after parsing.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace faultline {

/// Runs a parsed command; returns the process exit status.
using CommandRunner = std::function<int()>;

CommandRunner SetupTimeline(CLI::App* app);
CommandRunner SetupEvents(CLI::App* app);
CommandRunner SetupSources(CLI::App* app);
CommandRunner SetupAnalyze(CLI::App* app);
CommandRunner SetupRules(CLI::App* app);
CommandRunner SetupScan(CLI::App* app);
CommandRunner SetupLayouts(CLI::App* app);
CommandRunner SetupShip(CLI::App* app);
/// Hidden: `completion bash|zsh|fish` prints the script for the command line built so far.
CommandRunner SetupCompletion(CLI::App* app);

/// After a parse error: when a command or a long option was mistyped, says so on stderr with the
/// closest known name ("unknown command 'anlyze' (did you mean 'analyze'?)") and returns true;
/// false leaves the error to CLI11.
bool ExplainMistypedWord(const CLI::App& app, int argc, char** argv);

/// Exit statuses shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFound = 1;  ///< analyze: incidents at or above --fail-on
inline constexpr int kExitError = 2;  ///< bad usage, or an input was skipped or cut short

}  // namespace faultline
