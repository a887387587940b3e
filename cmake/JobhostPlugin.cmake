# jobhost_add_plugin(<name> SOURCES ... [LIBRARIES ...] [OUTPUT_DIRECTORY dir]
#                    [TARGET target] [MANIFEST file.json])
#
# Creates a MODULE library that exports only the jobhost_ aliases (hidden
# visibility), links jobhost::sdk, and lands in ${CMAKE_BINARY_DIR}/plugins
# (or OUTPUT_DIRECTORY, used by test fixtures) as <name>.so without a prefix.
# Plugins in the default folder are installed into the host's plugin folder,
# <prefix>/${JOBHOST_PLUGIN_INSTALL_DIR}; MANIFEST installs the provider
# manifest beside the host's manifests.
#
# Used in this tree and, installed with the SDK package (jobhostSdkConfig),
# by connectors built out of tree. There the compiler must be the host's
# (the build id stamped into every plugin names compiler and Boost; the
# loader refuses a mismatch), which is checked here at configure time.
include(GNUInstallDirs)
if(NOT DEFINED JOBHOST_PLUGIN_INSTALL_DIR)
  set(JOBHOST_PLUGIN_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/jobhost/plugins)
endif()
if(NOT DEFINED JOBHOST_MANIFEST_INSTALL_DIR)
  set(JOBHOST_MANIFEST_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/jobhost/manifests)
endif()

function(jobhost_add_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY;TARGET;MANIFEST" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_TARGET)
    set(ARG_TARGET jobhost_plugin_${name})
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/plugins)
  endif()
  if(DEFINED JOBHOST_SDK_HOST_COMPILER)
    string(REGEX MATCH "^[0-9]+\\.[0-9]+" compilerVersion "${CMAKE_CXX_COMPILER_VERSION}")
    if(NOT "${CMAKE_CXX_COMPILER_ID} ${compilerVersion}" STREQUAL JOBHOST_SDK_HOST_COMPILER)
      message(FATAL_ERROR "jobhost_add_plugin(${name}): the installed jobhost was built with ${JOBHOST_SDK_HOST_COMPILER}, "
        "this build uses ${CMAKE_CXX_COMPILER_ID} ${compilerVersion}; the host would refuse the plugin (build id mismatch). "
        "Configure with -DCMAKE_CXX_COMPILER=<the host's compiler>.")
    endif()
  endif()
  add_library(${ARG_TARGET} MODULE ${ARG_SOURCES})
  target_link_libraries(${ARG_TARGET} PRIVATE jobhost::sdk ${ARG_LIBRARIES})
  if(TARGET jobhost::warnings)
    target_link_libraries(${ARG_TARGET} PRIVATE jobhost::warnings)
  endif()
  set_target_properties(${ARG_TARGET} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  if(ARG_OUTPUT_DIRECTORY STREQUAL "${CMAKE_BINARY_DIR}/plugins")
    install(TARGETS ${ARG_TARGET} LIBRARY DESTINATION ${JOBHOST_PLUGIN_INSTALL_DIR})
  endif()
  if(ARG_MANIFEST)
    install(FILES ${ARG_MANIFEST} DESTINATION ${JOBHOST_MANIFEST_INSTALL_DIR})
  endif()
endfunction()
