# Writes the bash, zsh and fish completion scripts into DIR by running the built binary
# FAULTLINE (`faultline completion SHELL`), so the installed scripts always match its options.
file(MAKE_DIRECTORY ${DIR})
foreach(pair "bash;faultline" "zsh;_faultline" "fish;faultline.fish")
  list(GET pair 0 shell)
  list(GET pair 1 name)
  execute_process(COMMAND ${FAULTLINE} completion ${shell} OUTPUT_FILE ${DIR}/${name}.tmp
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "faultline completion ${shell} failed (${status})")
  endif()
  file(RENAME ${DIR}/${name}.tmp ${DIR}/${name})
endforeach()
