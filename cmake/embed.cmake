# Turns data files into a C++ source that defines them as string constants.
#   cmake -DOUT=file.cc -DNAMESPACE=kg::data -DFILES="a.txt;b.tsv" -P embed.cmake
# Each file becomes `extern const std::string_view <stem>_<ext>`.
set(content "// Generated from data/ by cmake/embed.cmake. Do not edit.\n#include <string_view>\nnamespace kg::data {\n")
foreach(f IN LISTS FILES)
  get_filename_component(name "${f}" NAME)
  string(MAKE_C_IDENTIFIER "${name}" id)
  file(READ "${f}" body)
  string(FIND "${body}" ")kgdata\"" bad)
  if(NOT bad EQUAL -1)
    message(FATAL_ERROR "${f} contains the raw-string delimiter")
  endif()
  string(APPEND content "extern const std::string_view ${id};\nconst std::string_view ${id} = R\"kgdata(${body})kgdata\";\n")
endforeach()
string(APPEND content "}  // namespace kg::data\n")
file(WRITE "${OUT}.new" "${content}")
file(RENAME "${OUT}.new" "${OUT}")
