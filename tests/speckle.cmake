# tst_speckle: the SAR speckle filters. Lee and Frost are checked against the Orfeo ToolBox's
# otbcli_Despeckle (Debian's otb-bin, installed by cmake/setup-debian.sh --tests), which the
# test runs on a GeoTIFF it writes with GDAL.
moescope_add_test(tst_speckle SOURCES ${PROJECT_SOURCE_DIR}/plugins/sar/speckle.cpp LIBS GDAL::GDAL)
target_include_directories(tst_speckle PRIVATE ${PROJECT_SOURCE_DIR}/plugins/sar)
