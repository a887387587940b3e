# jobhost_add_plugin(<name> SOURCES ... [LIBRARIES ...] [OUTPUT_DIRECTORY dir])
#
# Creates a MODULE library that exports only the jobhost_ aliases (hidden
# visibility), links jobhost::sdk, and lands in ${CMAKE_BINARY_DIR}/plugins
# (or OUTPUT_DIRECTORY, used by test fixtures) as <name>.so without a prefix.
function(jobhost_add_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY;TARGET" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_TARGET)
    set(ARG_TARGET jobhost_plugin_${name})
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/plugins)
  endif()
  add_library(${ARG_TARGET} MODULE ${ARG_SOURCES})
  target_link_libraries(${ARG_TARGET} PRIVATE jobhost::sdk jobhost::warnings ${ARG_LIBRARIES})
  set_target_properties(${ARG_TARGET} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  if(ARG_OUTPUT_DIRECTORY STREQUAL "${CMAKE_BINARY_DIR}/plugins")
    install(TARGETS ${ARG_TARGET} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/jobhost/plugins)
  endif()
endfunction()
