# cmake -DJOBHOST=<jobhost executable> -DOUT=<folder> -P GenerateCliDocs.cmake
# Writes jobhost.1 (and jobhost.1.gz, gzip -9n: no name or timestamp, as
# Debian wants) and jobhost.bash from `jobhost man` and `jobhost completion bash`.
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${JOBHOST} man OUTPUT_FILE ${OUT}/jobhost.1 RESULT_VARIABLE manResult)
if(NOT manResult EQUAL 0)
  message(FATAL_ERROR "'${JOBHOST} man' failed: ${manResult}")
endif()
execute_process(COMMAND gzip -9n -c ${OUT}/jobhost.1 OUTPUT_FILE ${OUT}/jobhost.1.gz RESULT_VARIABLE gzipResult)
if(NOT gzipResult EQUAL 0)
  message(FATAL_ERROR "gzip of jobhost.1 failed: ${gzipResult}")
endif()
execute_process(COMMAND ${JOBHOST} completion bash OUTPUT_FILE ${OUT}/jobhost.bash RESULT_VARIABLE completionResult)
if(NOT completionResult EQUAL 0)
  message(FATAL_ERROR "'${JOBHOST} completion bash' failed: ${completionResult}")
endif()
