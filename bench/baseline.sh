# Sourced by the bench scripts that compare this checkout with an earlier commit:
#   source bench/baseline.sh
#   build_old_and_new REV  # build-baseline/khabar (commit REV) and build-release/ (this
#                          # tree, with bench/), both Release
# The binary is kept in build-baseline/ with the commit it was built from (build-baseline/REV),
# so a second run against the same commit does not build it again. $work must be a
# temporary folder of the caller's.
build_old_and_new() {
  local rev
  rev=$(git rev-parse "$1")
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF -DKHABAR_BENCH=ON \
    >/dev/null
  cmake --build build-release -j2 >/dev/null
  if [ "$(cat build-baseline/REV 2>/dev/null)" = "$rev" ] && [ -x build-baseline/khabar ]; then
    return
  fi
  rm -rf build-baseline
  git worktree add --detach "$work/baseline" "$rev" >/dev/null 2>&1
  cmake -S "$work/baseline" -B build-baseline -DCMAKE_BUILD_TYPE=Release -DKHABAR_TESTS=OFF \
    -DKHABAR_BENCH=OFF >/dev/null
  cmake --build build-baseline -j2 --target khabar >/dev/null
  echo "$rev" >build-baseline/REV
  git worktree remove --force "$work/baseline"
}
