// What follows the fields of an inferred layout (parsers/infer_layout.h): the message, and what
// a layout writes around or after it, decided from the file's first lines.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace faultline {

/// The pattern's end after the fields `fields`: "%m%n", or the message in the quotes a CSV
/// export opened, or without the fields logrus, TiDB or zap write after it.
std::string MessageSuffix(std::string_view fields, std::span<const std::string_view> lines);

/// For fields that end with " | ": three cells between bars after them, told apart by the file
/// (ActiveMQ 5's "msg | logger | thread", a Karaf-like "thread | logger | msg"); "" when the
/// lines do not show which.
std::string PipeCellsSuffix(std::string_view fields, std::span<const std::string_view> lines);

}  // namespace faultline
