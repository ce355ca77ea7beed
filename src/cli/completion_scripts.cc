// The bash, zsh and fish scripts, rendered from the completion model. Each script first finds the
// command path from the words before the cursor (a case table of subcommand names), then offers
// what the word before the cursor asks for (an option's values), else options for a word
// starting with '-', else subcommands or operands. Rule ids come from `faultline rules list` when
// completing, so rules added with --rules directories' ids are not guessed.
#include <algorithm>
#include <functional>

#include "src/cli/completion_model.h"

namespace faultline {
namespace {

// 'text' for sh-like shells and fish (fish also escapes backslashes inside quotes).
std::string Quote(const std::string& text, bool fish = false) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += fish ? "\\'" : "'\\''";
    else if (fish && c == '\\')
      out += "\\\\";
    else
      out += c;
  }
  return out + "'";
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> OptionNames(const CompletionCommand& command) {
  std::vector<std::string> names;
  for (const CompletionOption& o : command.options)
    names.insert(names.end(), o.names.begin(), o.names.end());
  return names;
}

std::vector<std::string> SubcommandNames(const CompletionCommand& command) {
  std::vector<std::string> names;
  for (const auto& [name, help] : command.subcommands) names.push_back(name);
  return names;
}

// The case arms that follow subcommand names: "parent:word") path="parent word" ;;
std::string PathTable(const std::vector<CompletionCommand>& model, const std::string& indent,
                      const std::string& var, bool fish) {
  std::string out;
  for (const CompletionCommand& c : model) {
    for (const auto& [name, help] : c.subcommands) {
      std::string child = c.path.empty() ? name : c.path + " " + name;
      if (fish) {
        out += indent + "case " + Quote(c.path + ":" + name, true) + "\n" + indent + "    set " +
               var + " " + Quote(child, true) + "\n";
      } else {
        out += indent + Quote(c.path + ":" + name) + ") " + var + "=" + Quote(child) + " ;;\n";
      }
    }
  }
  return out;
}

// Case patterns for an option's names under one command: 'analyze:--format'|'analyze:-f'
std::string OptionPattern(const CompletionCommand& c, const CompletionOption& o) {
  std::string out;
  for (const std::string& name : o.names)
    out += (out.empty() ? "" : "|") + Quote(c.path + ":" + name);
  return out;
}

// How bash and zsh differ: how to offer an option's values, a list of options, and a command's
// subcommands. The case tables around them are the same.
struct ShDialect {
  std::function<std::string(ValueKind, const std::vector<std::string>&)> values;
  std::function<std::string(const std::vector<std::string>&)> options;
  std::function<std::string(const CompletionCommand&)> subcommands;
};

// From the command path found, to the end of the function: the word before the cursor is an
// option wanting a value; else a word starting with '-' is an option; else an operand or
// subcommand.
std::string ShCases(const std::vector<CompletionCommand>& model, const ShDialect& d) {
  std::string s = "  case \"$fl_path:$prev\" in\n";
  for (const CompletionCommand& c : model) {
    for (const CompletionOption& o : c.options) {
      if (o.takes_value) {
        s += "    " + OptionPattern(c, o) + ") " + d.values(o.kind, o.words) + "; return ;;\n";
      }
    }
  }
  s += "  esac\n  if [[ $cur == -* ]]; then\n    case \"$fl_path\" in\n";
  for (const CompletionCommand& c : model) {
    s += "      " + Quote(c.path) + ") " + d.options(OptionNames(c)) + " ;;\n";
  }
  s += "    esac\n    return\n  fi\n  case \"$fl_path\" in\n";
  for (const CompletionCommand& c : model) {
    std::string arm = c.subcommands.empty() ? d.values(c.positional, {}) : d.subcommands(c);
    s += "    " + Quote(c.path) + ") " + arm + " ;;\n";
  }
  return s + "  esac\n}\n";
}

// The loop that finds the command path from the words before the cursor.
std::string ShPathLoop(const std::vector<CompletionCommand>& model, const std::string& first,
                       const std::string& words) {
  return "  for ((i = " + first + "; i < " + words + "; i++)); do\n" + "    case \"$fl_path:${" +
         (first == "1" ? "COMP_WORDS" : "words") + "[i]}\" in\n" +
         PathTable(model, "      ", "fl_path", false) + "    esac\n  done\n";
}

}  // namespace

std::string BashCompletion(const std::vector<CompletionCommand>& model) {
  ShDialect bash;
  bash.values = [](ValueKind kind, const std::vector<std::string>& words) -> std::string {
    switch (kind) {
      case ValueKind::kWords:
        return "COMPREPLY=($(compgen -W " + Quote(Join(words)) + " -- \"$cur\"))";
      case ValueKind::kFiles:
        return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
      case ValueKind::kDirs:
        return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";
      case ValueKind::kRules:
        return "COMPREPLY=($(compgen -W \"$(_faultline_rule_ids)\" -- \"$cur\"))";
      case ValueKind::kNone:
        break;
    }
    return ":";
  };
  bash.options = [&](const std::vector<std::string>& names) {
    return bash.values(ValueKind::kWords, names);
  };
  bash.subcommands = [&](const CompletionCommand& c) {
    return bash.values(ValueKind::kWords, SubcommandNames(c));
  };
  return "# bash completion for faultline. Generated by `faultline completion bash` from its "
         "command\n# line; do not edit.\n"
         "_faultline_rule_ids() { \"${COMP_WORDS[0]}\" rules list 2>/dev/null | cut -d' ' -f1; }\n"
         "\n_faultline() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} fl_path='' i\n"
         "  COMPREPLY=()\n" +
         ShPathLoop(model, "1", "COMP_CWORD") + ShCases(model, bash) +
         "complete -F _faultline faultline\n";
}

std::string ZshCompletion(const std::vector<CompletionCommand>& model) {
  ShDialect zsh;
  zsh.values = [](ValueKind kind, const std::vector<std::string>& words) -> std::string {
    switch (kind) {
      case ValueKind::kWords:
        return "compadd -- " + Join(words);
      case ValueKind::kFiles:
        return "_files";
      case ValueKind::kDirs:
        return "_directories";
      case ValueKind::kRules:
        return "compadd -- ${(f)\"$(${words[1]} rules list 2>/dev/null | cut -d' ' -f1)\"}";
      case ValueKind::kNone:
        break;
    }
    return "_message value";
  };
  zsh.options = [](const std::vector<std::string>& names) { return "compadd -- " + Join(names); };
  zsh.subcommands = [](const CompletionCommand& c) {
    std::string arm = "local -a cmds=(";
    for (const auto& [name, help] : c.subcommands) {
      std::string escaped;  // _describe splits name:description at the first unescaped colon
      for (char ch : help) escaped += ch == ':' ? std::string("\\:") : std::string(1, ch);
      arm += " " + Quote(name + ":" + escaped);
    }
    return arm + " ); _describe command cmds";
  };
  // `path` is special in zsh (tied to PATH): the command path is fl_path in both scripts.
  return "#compdef faultline\n"
         "# zsh completion for faultline. Generated by `faultline completion zsh` from its "
         "command\n# line; do not edit.\n"
         "_faultline() {\n"
         "  local cur=${words[CURRENT]} prev=${words[CURRENT-1]} fl_path='' i\n" +
         ShPathLoop(model, "2", "CURRENT") + ShCases(model, zsh) +
         "if [[ $funcstack[1] == _faultline ]]; then _faultline \"$@\"; else compdef _faultline "
         "faultline; fi\n";
}

std::string FishCompletion(const std::vector<CompletionCommand>& model) {
  std::string s =
      "# fish completion for faultline. Generated by `faultline completion fish` from its command\n"
      "# line; do not edit.\n"
      "function __faultline_path\n"
      "    set -l p ''\n"
      "    for w in (commandline -opc)[2..-1]\n"
      "        switch \"$p:$w\"\n" +
      PathTable(model, "            ", "p", true) +
      "        end\n"
      "    end\n"
      "    echo $p\n"
      "end\n"
      "function __faultline_is\n"
      "    set -l p (__faultline_path)\n"
      "    test \"$p\" = \"$argv\"\n"
      "end\n"
      "function __faultline_rule_ids\n"
      "    set -l cmd (commandline -opc)[1]\n"
      "    $cmd rules list 2>/dev/null | string replace -r ' .*' ''\n"
      "end\n"
      "complete -c faultline -f\n";
  for (const CompletionCommand& c : model) {
    // Command paths are plain words ("rules show"), safe inside double quotes.
    std::string when = "-n \"__faultline_is '" + c.path + "'\"";
    for (const auto& [name, help] : c.subcommands) {
      s += "complete -c faultline " + when + " -a " + Quote(name, true) + " -d " +
           Quote(help, true) + "\n";
    }
    if (c.subcommands.empty() && c.positional == ValueKind::kFiles)
      s += "complete -c faultline " + when + " -F\n";
    if (c.subcommands.empty() && c.positional == ValueKind::kDirs) {
      s += "complete -c faultline " + when + " -a '(__fish_complete_directories)'\n";
    }
    if (c.positional == ValueKind::kRules)
      s += "complete -c faultline " + when + " -a '(__faultline_rule_ids)'\n";
    for (const CompletionOption& o : c.options) {
      std::string line = "complete -c faultline " + when;
      for (const std::string& name : o.names) {
        line += name.size() > 2 ? " -l " + name.substr(2) : " -s " + name.substr(1);
      }
      if (o.takes_value) {
        switch (o.kind) {
          case ValueKind::kWords:
            line += " -xa " + Quote(Join(o.words), true);
            break;
          case ValueKind::kFiles:
            line += " -rF";
            break;
          case ValueKind::kDirs:
            line += " -xa '(__fish_complete_directories)'";
            break;
          case ValueKind::kRules:
            line += " -xa '(__faultline_rule_ids)'";
            break;
          case ValueKind::kNone:
            line += " -x";
            break;
        }
      }
      s += line + " -d " + Quote(o.help, true) + "\n";
    }
  }
  return s;
}

}  // namespace faultline
