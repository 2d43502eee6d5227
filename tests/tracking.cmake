# The tracking plugin: benchmark sequence layouts, the benchmarks' metrics on
# hand-computed cases, and parity of the C++ tracker with the recipe's Python
# tracker on held-out generated sequences (make_sequences.py writes them and
# the Python boxes).
add_test(NAME make_tracking_sequences
  COMMAND ${MOESCOPE_PYTHON} ${PROJECT_SOURCE_DIR}/tests/tracking/make_sequences.py
          ${PROJECT_SOURCE_DIR}/resources/models/track-spmtrack-tiny.pt
          ${CMAKE_BINARY_DIR}/testdata/tracking)
set_tests_properties(make_tracking_sequences PROPERTIES FIXTURES_SETUP tracking_sequences
                     TIMEOUT 300)

# Videos encoded with FFmpeg's encoders from the first sequence, and FFmpeg's
# own decoding of each, frame by frame.
add_test(NAME make_tracking_videos
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/tracking/make_videos.sh
          ${CMAKE_BINARY_DIR}/testdata/tracking/Held_001 ${CMAKE_BINARY_DIR}/testdata/videos)
set_tests_properties(make_tracking_videos PROPERTIES FIXTURES_SETUP tracking_videos
                     FIXTURES_REQUIRED tracking_sequences TIMEOUT 300)

find_package(PkgConfig REQUIRED)
pkg_check_modules(TEST_FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libswscale libavutil)
moescope_add_test(tst_tracking
  SOURCES ${PROJECT_SOURCE_DIR}/plugins/tracking/sequence.cpp
          ${PROJECT_SOURCE_DIR}/plugins/tracking/videosource.cpp
          ${PROJECT_SOURCE_DIR}/plugins/tracking/crop.cpp
  LIBS moescope_jobs moescope_tracking PkgConfig::TEST_FFMPEG
  FIXTURES "tracking_sequences;tracking_videos")
target_include_directories(tst_tracking PRIVATE ${PROJECT_SOURCE_DIR}/plugins/tracking)
target_compile_definitions(tst_tracking PRIVATE
  MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>"
  MOESCOPE_TRACK_MODEL="${PROJECT_SOURCE_DIR}/resources/models/track-spmtrack-tiny.pt")
add_dependencies(tst_tracking moescope_tracking_plugin moescope-cli)

# The same in the window (offscreen).
moescope_add_test(tst_trackinggui LIBS moescope_gui FIXTURES tracking_sequences)
target_compile_definitions(tst_trackinggui PRIVATE
  MOESCOPE_TRACK_MODEL="${PROJECT_SOURCE_DIR}/resources/models/track-spmtrack-tiny.pt")
add_dependencies(tst_trackinggui moescope_tracking_plugin)

# What a track leaves: the stored run with its routing window, the per-frame
# CSV and the annotated video (decoded again with the plugin's reader).
moescope_add_test(tst_trackoutput
  SOURCES ${PROJECT_SOURCE_DIR}/plugins/tracking/videosource.cpp
          ${PROJECT_SOURCE_DIR}/plugins/tracking/crop.cpp
  LIBS moescope_jobs moescope_store PkgConfig::TEST_FFMPEG
  FIXTURES tracking_sequences)
target_include_directories(tst_trackoutput PRIVATE ${PROJECT_SOURCE_DIR}/plugins/tracking)
target_compile_definitions(tst_trackoutput PRIVATE
  MOESCOPE_CLI="$<TARGET_FILE:moescope-cli>"
  MOESCOPE_TRACK_MODEL="${PROJECT_SOURCE_DIR}/resources/models/track-spmtrack-tiny.pt")
add_dependencies(tst_trackoutput moescope_tracking_plugin moescope-cli)
