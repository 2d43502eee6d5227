# `cmake --install` and the Debian package (issue 16). The layout:
#   bin/moescope, bin/moescope-cli
#   lib/moescope/            the core libraries and moescope-cli-engine (the launcher's other half)
#   lib/moescope/plugins/    the task plugins
#   share/moescope/models    the bundled models and their cards; share/moescope/samples
#   share/applications/moescope.desktop, share/icons/hicolor/scalable/apps/moescope.svg
#   share/man/man1/moescope.1, moescope-cli.1, share/doc/moescope
# Every program finds the others relative to itself (RUNPATH and the search
# paths of PluginDirectory and ModelCatalog), so nothing needs an environment
# variable and the tree can be unpacked anywhere. Translations are compiled
# into the programs.
include(GNUInstallDirs)
set(MOESCOPE_INSTALL_LIBDIR lib/moescope)

function(moescope_install_targets)
  get_property(plugins GLOBAL PROPERTY MOESCOPE_TASK_PLUGINS)
  foreach(t ${plugins})
    set_target_properties(${t} PROPERTIES INSTALL_RPATH "$ORIGIN/..")
  endforeach()
  set(libs moescope_text moescope_contract moescope_model moescope_routing moescope_retrieval
      moescope_image moescope_render moescope_store moescope_catalog moescope_plugin
      moescope_tracking moescope_jobs moescope_cli_info moescope_pacs)
  foreach(t ${libs})
    if(TARGET ${t})
      install(TARGETS ${t} LIBRARY DESTINATION ${MOESCOPE_INSTALL_LIBDIR} COMPONENT runtime)
      set_target_properties(${t} PROPERTIES INSTALL_RPATH "$ORIGIN")
    endif()
  endforeach()
  install(TARGETS moescope-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(TARGETS moescope-cli-engine RUNTIME DESTINATION ${MOESCOPE_INSTALL_LIBDIR})
  set_target_properties(moescope-cli-engine PROPERTIES INSTALL_RPATH "$ORIGIN")
  if(TARGET moescope)
    install(TARGETS moescope RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endfunction()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/models/ DESTINATION ${CMAKE_INSTALL_DATADIR}/moescope/models
  FILES_MATCHING PATTERN "*.pt" PATTERN "*.md" PATTERN "recipe" EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/samples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/moescope/samples)
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/moescope.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/moescope.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/docs/man/moescope.1 ${PROJECT_SOURCE_DIR}/docs/man/moescope-cli.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/user-guide.md
  ${PROJECT_SOURCE_DIR}/docs/model-contract.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# CPack: `cpack -G DEB` in the build folder writes moescope_<version>_amd64.deb.
# dpkg-shlibdeps derives the Depends from the libraries the programs link
# (Debian 12's packages); the plugins Qt loads at run time are added by hand.
set(CPACK_PACKAGE_NAME moescope)
set(CPACK_PACKAGE_VENDOR "MoEScope")
set(CPACK_PACKAGE_CONTACT "MoEScope developers <moescope@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Mixture-of-Experts routing workbench for vision models")
set(CPACK_PACKAGE_DESCRIPTION "MoEScope shows, next to an image and an MoE model's answer, where the
 model's router sent each patch: per-expert heatmaps, the top-1 expert map,
 routing entropy and expert load, for DICOM ultrasound cines, CT series, SAR
 products and videos. Research software, not for clinical use.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps must see the package's own private libraries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS
  ${CMAKE_BINARY_DIR}/lib ${CMAKE_BINARY_DIR}/_CPack_Packages/Linux/DEB/moescope-${PROJECT_VERSION}-Linux/usr/${MOESCOPE_INSTALL_LIBDIR})
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# Recommended: the PostgreSQL driver for a shared run store (docs/lab.md).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "qt6-image-formats-plugins, qt6-translations-l10n, fonts-wqy-microhei, libqt6sql6-psql")
include(CPack)
