#include "src/engine/config_values.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace faultline {
namespace {

// The largest number a numeric key may hold (milliseconds: about 115 days).
constexpr double kMaxConfigNumber = 1e10;

std::string OutOfRange(const std::string& origin, const std::string& key,
                       const std::string& value) {
  return origin + ": " + key + " = '" + value +
         "' is out of range (0 to 10000000000); the default is used";
}

struct KnownKey {
  std::string_view name;
  ConfigUnit unit;
  std::string_view default_text;  // "" when there is no default
  std::string_view default_origin;
};

// Defaults as the projects document them (ZooKeeper administrator's guide and ZooKeeperServer,
// Hadoop core-default.xml / hdfs-default.xml of the 2.x-3.3 lines).
constexpr KnownKey kKnownKeys[] = {
    {"tickTime", ConfigUnit::kMillis, "2000", "default of zoo_sample.cfg"},
    {"initLimit", ConfigUnit::kCount, "10", "default of zoo_sample.cfg"},
    {"syncLimit", ConfigUnit::kCount, "5", "default of zoo_sample.cfg"},
    {"minSessionTimeout", ConfigUnit::kMillis, "4000", "default: 2 × tickTime"},
    {"maxSessionTimeout", ConfigUnit::kMillis, "40000", "default: 20 × tickTime"},
    {"maxClientCnxns", ConfigUnit::kCount, "60", "ZooKeeper 3.4+ default"},
    {"jute.maxbuffer", ConfigUnit::kCount, "1048575", "ZooKeeper default"},
    {"ha.zookeeper.session-timeout.ms", ConfigUnit::kMillis, "5000",
     "default of Hadoop core-default.xml"},
    {"ha.health-monitor.rpc-timeout.ms", ConfigUnit::kMillis, "45000",
     "default of Hadoop core-default.xml"},
    {"ha.health-monitor.check-interval.ms", ConfigUnit::kMillis, "1000",
     "default of Hadoop core-default.xml"},
    {"ha.failover-controller.active-standby-elector.zk.op.retries", ConfigUnit::kCount, "3",
     "default of Hadoop core-default.xml"},
    {"ha.zookeeper.quorum", ConfigUnit::kText, "", ""},
    {"dfs.ha.fencing.methods", ConfigUnit::kText, "", ""},
    {"dfs.qjournal.write-txns.timeout.ms", ConfigUnit::kMillis, "20000",
     "default of Hadoop hdfs-default.xml"},
    {"dfs.ha.automatic-failover.enabled", ConfigUnit::kText, "false",
     "default of Hadoop hdfs-default.xml"},
};

const KnownKey* FindKnown(std::string_view name) {
  for (const KnownKey& key : kKnownKeys) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Trim(std::string s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

// The text between <tag> and </tag> inside `block`, or nullopt.
std::optional<std::string> Element(const std::string& block, const std::string& tag) {
  size_t open = block.find("<" + tag + ">");
  if (open == std::string::npos) return std::nullopt;
  size_t begin = open + tag.size() + 2;
  size_t close = block.find("</" + tag + ">", begin);
  if (close == std::string::npos) return std::nullopt;
  return Trim(block.substr(begin, close - begin));
}

}  // namespace

ConfigValues::ConfigValues() {
  for (const KnownKey& key : kKnownKeys) {
    if (key.default_text.empty()) continue;
    ConfigValue value;
    value.text = std::string(key.default_text);
    value.unit = key.unit;
    value.number = std::strtod(value.text.c_str(), nullptr);
    value.origin = std::string(key.default_origin);
    value.is_default = true;
    values_[std::string(key.name)] = value;
  }
}

bool ConfigValues::IsKnown(std::string_view name) { return FindKnown(name) != nullptr; }

std::vector<std::string> ConfigValues::KnownNames() {
  std::vector<std::string> names;
  for (const KnownKey& key : kKnownKeys) names.emplace_back(key.name);
  return names;
}

const ConfigValue* ConfigValues::Find(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

bool ConfigValues::Set(const std::string& name, const std::string& text,
                       const std::string& origin) {
  ConfigValue value;
  value.text = text;
  value.origin = origin;
  const KnownKey* known = FindKnown(name);
  value.unit = known != nullptr ? known->unit : ConfigUnit::kText;
  if (value.unit != ConfigUnit::kText) {
    char* end = nullptr;
    value.number = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0') {
      value.unit = ConfigUnit::kText;
    } else if (!(value.number >= 0 && value.number <= kMaxConfigNumber)) {
      return false;  // the default stays: windows of 1e23 ms would overflow and never match
    }
  }
  values_[name] = value;
  return true;
}

void ConfigValues::LoadFile(const std::string& path, Reporter* reporter) {
  std::ifstream in(path);
  if (!in) {
    reporter->Warning(path + ": cannot read configuration file; using defaults");
    return;
  }
  std::string name = BaseName(path);
  if (name == "zoo.cfg") {
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::string trimmed = Trim(line);
      if (trimmed.empty() || trimmed[0] == '#') continue;
      size_t eq = trimmed.find('=');
      if (eq == std::string::npos) {
        reporter->Warning(path + ":" + std::to_string(number) +
                          ": not a key=value line, ignored: " + trimmed);
        continue;
      }
      std::string key = Trim(trimmed.substr(0, eq));
      std::string value = Trim(trimmed.substr(eq + 1));
      std::string origin = path + ":" + std::to_string(number);
      if (!Set(key, value, origin)) {
        reporter->Warning(OutOfRange(origin, key, value));
        continue;
      }
      const KnownKey* known = FindKnown(key);
      if (known != nullptr && known->unit != ConfigUnit::kText &&
          Find(key)->unit == ConfigUnit::kText) {
        reporter->Warning(origin + ": " + key + " = '" + value + "' is not a number");
      }
    }
    return;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string xml = buffer.str();
  // Commented-out properties do not count: blank the comments, keeping newlines for line numbers.
  for (size_t open = xml.find("<!--"); open != std::string::npos; open = xml.find("<!--", open)) {
    size_t close = xml.find("-->", open);
    size_t end = close == std::string::npos ? xml.size() : close + 3;
    for (size_t i = open; i < end; ++i) {
      if (xml[i] != '\n') xml[i] = ' ';
    }
    open = end;
  }
  if (xml.find("<configuration") == std::string::npos) {
    reporter->Warning(path + ": no <configuration> element; not a Hadoop configuration file");
    return;
  }
  size_t pos = 0;
  while ((pos = xml.find("<property>", pos)) != std::string::npos) {
    size_t end = xml.find("</property>", pos);
    if (end == std::string::npos) {
      reporter->Warning(path + ": unclosed <property> element; the rest is ignored");
      break;
    }
    std::string block = xml.substr(pos, end - pos);
    int line = 1;
    for (size_t i = 0; i < pos; ++i) line += xml[i] == '\n';
    auto key = Element(block, "name");
    auto value = Element(block, "value");
    if (key && value && !Set(*key, *value, path + ":" + std::to_string(line)))
      reporter->Warning(OutOfRange(path + ":" + std::to_string(line), *key, *value));
    pos = end;
  }
}

}  // namespace faultline
