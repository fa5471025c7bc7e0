# Runs `kg build` on samples/ and compares the three outputs with the
# checked-in expected files. To accept a deliberate change:
#   scripts/update-golden.sh
file(REMOVE_RECURSE "${WORK}")
# Run from the source root so document paths read "samples/...".
execute_process(COMMAND "${KG}" build samples -o "${WORK}" -j 2 -q WORKING_DIRECTORY "${ROOT}"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kg build failed (${rc}): ${err}")
endif()
set(failed "")
foreach(ext graphml dot json)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${GOLDEN}/graph.${ext}" "${WORK}/graph.${ext}"
                  RESULT_VARIABLE diff)
  if(NOT diff EQUAL 0)
    list(APPEND failed "graph.${ext}")
    execute_process(COMMAND diff -u "${GOLDEN}/graph.${ext}" "${WORK}/graph.${ext}" OUTPUT_VARIABLE d)
    string(SUBSTRING "${d}" 0 3000 d)
    message("--- expected ${GOLDEN}/graph.${ext}\n+++ actual ${WORK}/graph.${ext}\n${d}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "golden outputs differ: ${failed} (scripts/update-golden.sh accepts a deliberate change)")
endif()
