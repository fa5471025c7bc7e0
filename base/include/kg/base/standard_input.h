// Standard input as a document source, read with its errors kept: a closed
// descriptor 0, a directory redirected in (`kg build - </tmp`) and read
// errors are errors naming "stdin", never an empty document.
//
//   int main() { kg::GuardStandardStreams(); ... }   // first thing in main
//   std::string text;
//   Status s = kg::ReadStandardInput(&text);
//
// GuardStandardStreams opens /dev/null on any of descriptors 0-2 that is
// closed, so that no file kg opens later (a dictionary, an output) takes
// their place and is mistaken for input or written to by a stray message;
// it remembers that standard input was closed. Thread safety: call the
// guard once, before any other thread starts; ReadStandardInput from one
// thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "kg/base/status.h"

namespace kg {

void GuardStandardStreams();
// Reads all of standard input; more than `max_bytes` is an error.
Status ReadStandardInput(std::string* out, size_t max_bytes = SIZE_MAX);

}  // namespace kg
