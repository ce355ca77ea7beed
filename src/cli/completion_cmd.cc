// `faultline completion bash|zsh|fish` (hidden): prints the shell's completion script, made from
// the command line as defined here, so installed completions never drift from it (the build
// writes them with this command; see CMakeLists.txt).
#include <cstdio>
#include <memory>

#include "src/cli/commands.h"
#include "src/cli/completion_model.h"

namespace faultline {

CommandRunner SetupCompletion(CLI::App* app) {
  auto shell = std::make_shared<std::string>();
  CLI::App* cmd = app->add_subcommand("completion", "Print the completion script for a shell");
  cmd->group("");  // hidden: for packagers and dotfiles, not for daily use
  cmd->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  return [app, cmd, shell] {
    if (!cmd->parsed()) return -1;
    std::vector<CompletionCommand> model = CompletionModel(*app);
    std::string script = *shell == "bash"  ? BashCompletion(model)
                         : *shell == "zsh" ? ZshCompletion(model)
                                           : FishCompletion(model);
    std::fwrite(script.data(), 1, script.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitError;
  };
}

}  // namespace faultline
