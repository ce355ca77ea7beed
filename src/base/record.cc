#include "src/base/record.h"

#include <array>
#include <cctype>

namespace faultline {
namespace {

constexpr std::array<std::string_view, 7> kLevelNames = {"-",    "TRACE", "DEBUG", "INFO",
                                                         "WARN", "ERROR", "FATAL"};
constexpr std::array<std::string_view, 6> kComponentNames = {"other",    "zk",          "zkfc",
                                                             "namenode", "journalnode", "monitor"};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view LevelName(Level level) { return kLevelNames[static_cast<size_t>(level)]; }

std::string_view ComponentName(Component c) { return kComponentNames[static_cast<size_t>(c)]; }

bool ParseLevel(std::string_view text, Level* level) {
  struct Alias {
    std::string_view name;
    Level level;
  };
  // The four-letter forms are supervisord's (CRIT, ERRO, DEBG, TRAC, BLAT: its "blather") and
  // logrus' on a terminal (ERRO, DEBU, TRAC, FATA, PANI); "err" is syslog's and Puppet's; FINE,
  // FINER and FINEST java.util.logging's; INF, WRN, DBG, FTL, VRB, TRC Serilog's and zerolog's,
  // Information and Verbose their full names (.NET).
  static constexpr Alias kAliases[] = {
      {"trace", Level::kTrace},      {"debug", Level::kDebug},    {"info", Level::kInfo},
      {"warn", Level::kWarn},        {"warning", Level::kWarn},   {"error", Level::kError},
      {"fatal", Level::kFatal},      {"critical", Level::kFatal}, {"severe", Level::kError},
      {"crit", Level::kFatal},       {"erro", Level::kError},     {"debg", Level::kDebug},
      {"debu", Level::kDebug},       {"trac", Level::kTrace},     {"blat", Level::kTrace},
      {"fata", Level::kFatal},       {"pani", Level::kFatal},     {"err", Level::kError},
      {"fine", Level::kDebug},       {"finer", Level::kTrace},    {"finest", Level::kTrace},
      {"inf", Level::kInfo},         {"wrn", Level::kWarn},       {"dbg", Level::kDebug},
      {"ftl", Level::kFatal},        {"vrb", Level::kTrace},      {"trc", Level::kTrace},
      {"information", Level::kInfo}, {"verbose", Level::kTrace},
  };
  for (const Alias& alias : kAliases) {
    if (EqualsIgnoreCase(text, alias.name)) {
      *level = alias.level;
      return true;
    }
  }
  return false;
}

bool ParseComponent(std::string_view text, Component* component) {
  for (size_t i = 0; i < kComponentNames.size(); ++i) {
    if (EqualsIgnoreCase(text, kComponentNames[i])) {
      *component = static_cast<Component>(i);
      return true;
    }
  }
  return false;
}

std::string_view Record::Continuation() const {
  if (continuation_lines == 0) return {};
  size_t newline = text.find('\n');
  return std::string_view(text).substr(newline + 1);
}

void Record::Clear() {
  instant = local = kNoInstant;
  line = 0;
  myid = code_line = -1;
  continuation_lines = 0;
  flags = 0;
  precision = 3;
  level = Level::kUnknown;
  component = Component::kOther;
  thread = logger = message = Span{};
  text.clear();
}

}  // namespace faultline
