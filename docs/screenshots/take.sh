#!/bin/bash
# Retakes docs/screenshots: builds the app, starts it under Xvfb at 1280×800
# on a fresh database in a temp folder, loads the sample batch and clicks
# through every screen with xdotool, taking one screenshot per screen.
#
# Needs: xvfb, xdotool, imagemagick (import), poppler-utils (previews), and
# the packages `make run` installs. Coordinates are those of the 1280×800
# layout: after changing a screen's layout, look at every image again.
#
# Usage: docs/screenshots/take.sh [OUTDIR]   (default: docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-docs/screenshots}
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'kill $AP $XP 2>/dev/null || true; rm -rf "$TMP"' EXIT
VERSION=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
go build -tags migrated_fynedo -ldflags "-X chuding/model/buildinfo.Version=$VERSION" -o "$TMP/chuding" ./cmd/chuding

export LANG=C.UTF-8 HOME=$TMP XDG_CONFIG_HOME=$TMP/config XDG_CACHE_HOME=$TMP/cache \
  CHUDING_DB=$TMP/chuding.db FYNE_THEME=light DISPLAY=:81
Xvfb :81 -screen 0 1280x800x24 >/dev/null 2>&1 & XP=$!
sleep 1
"$TMP/chuding" >"$TMP/app.log" 2>&1 & AP=$!
sleep 3

shot() { sleep "${2:-1}"; import -window root "$OUT/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; }

shot 00-welcome 0
click 703 451; sleep 1                                   # 载入示例数据
click 70 100; shot 01-unit-batch                          # 单位与批次
click 70 140; sleep 1; click 200 259; sleep 0.3           # 人员: select 周敏
xdotool mousemove 360 259; shot 02-people                 # hover reveals the ID number
click 843 100; sleep 1.2; shot 03-editor-verdict          # 编辑: reasons with clauses
xdotool mousemove 840 290 mousedown 1 mousemove 840 440 mousemove 840 630 mouseup 1
shot 03b-editor-years                                     # year grid and materials
click 70 140; sleep 0.8; click 770 100; sleep 1           # 新增
click 540 230; xdotool type --delay 60 "张三"
click 540 267; xdotool type --delay 30 "32070619990412022X"
shot 04-editor-typing                                     # the ID explained as typed
click 70 220; sleep 0.8; click 640 434; sleep 1           # 鉴定意见, 放弃修改
click 200 171; sleep 0.8; click 648 96; shot 05-opinion 1.2   # 刘子涵, 生成草稿
click 70 260; sleep 1.2; click 685 165; xdotool key ctrl+a
xdotool type --delay 30 "2025-05-29"; sleep 0.3           # 公示 across 端午
click 590 467; shot 06-publicity 3                        # 预览公示
click 475 467; sleep 0.5; click 444 581; sleep 0.2; click 476 620; sleep 0.5
click 70 300; sleep 1.5; click 206 272; sleep 3           # 打印与导出: 预览申报表
click 400 705; shot 07-print-export 1
click 70 774; sleep 1; click 203 223; shot 08-settings 1.2    # 设置: 立即备份
