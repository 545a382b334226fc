# KEDROLINT_SANITIZE=address,undefined instruments every target, the grammar
# included, since tree-sitter ownership bugs are the main risk.
if(KEDROLINT_SANITIZE)
  add_compile_options(-fsanitize=${KEDROLINT_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${KEDROLINT_SANITIZE})
endif()
