// Simple class names that say which daemon wrote a line, for layouts that print the logger cut
// short (%c{1}, %C{1}, logback's %logger{20}: "QuorumPeer", "o.a.z.s.q.LearnerHandler"), where the
// package no longer does.
#pragma once

#include <string_view>

#include "src/base/record.h"

namespace faultline {

/// The component whose classes include `simple_name` (a class name without its package or any
/// "$Inner" part), or Component::kOther when it is none of the known ones.
Component ComponentOfClass(std::string_view simple_name);

}  // namespace faultline
