#!/bin/sh
# Generates the hotline's Mandarin voice prompts from prompts.tsv with espeak-ng (voice "cmn-latn-pinyin") and sox,
# as Asterisk plays them: 8 kHz, mono, 16-bit signed PCM .wav with a plain 44-byte header
# (format_wav rejects other rates, stereo, 8-bit and extensible headers).
#
#   apt-get install -y espeak-ng sox      # Debian 12: espeak-ng 1.51, sox 14.4.2
#   telephony/asterisk/sounds/generate-prompts.sh [output directory, default zh/custom beside this script]
#
# The output is reproducible: the same espeak-ng and sox versions give the same bytes (no dither,
# no comment chunk). Other versions may differ slightly in sound, never in format.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/zh/custom"}
rate=${PROMPT_SPEED:-200}          # espeak-ng words per minute; its Mandarin is slow at the default 175
symbol_rate=${SYMBOL_SPEED:-240}   # digits and letters of a read-back number, pieces of numbers and dates
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

command -v espeak-ng >/dev/null || { echo "espeak-ng is missing: apt-get install -y espeak-ng" >&2; exit 1; }
command -v sox >/dev/null || { echo "sox is missing: apt-get install -y sox" >&2; exit 1; }

# Trim the voice's own leading and trailing silence, keep a short pad, leave 3 dB of headroom.
to_asterisk() {
    sox "$1" --comment "" -D -r 8000 -c 1 -b 16 -e signed-integer "$2" \
        silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse gain -n -3 pad "$3" "$4"
}

# The voice is cmn-latn-pinyin, not cmn: espeak-ng 1.51's cmn voice treats the pinyin its dictionary
# yields as English and reads most characters with their tone number in English (好 → "hao three";
# espeak-ng issues 1028, 1236). cmn-latn-pinyin speaks the same characters in Mandarin; capital letters
# (letter-a … letter-z) come out the same in both voices.
voice=${PROMPT_VOICE:-cmn-latn-pinyin}
count=0
while IFS="$(printf '\t')" read -r name text; do
    case "$name" in ''|'#'*) continue ;; esac
    case "$name" in
        pause)
            sox -n --comment "" -D -r 8000 -c 1 -b 16 -e signed-integer "$out/pause.wav" trim 0 0.3 ;;
        digit-*|letter-*|number-*|date-*)
            # read-back symbols and the pieces of numbers and dates: short pads so a 16-character
            # ticket number stays brief and 九十八 or 三月十五日 sound as one word
            espeak-ng -v "$voice" -s "$symbol_rate" -w "$tmp/voice.wav" "$text"
            to_asterisk "$tmp/voice.wav" "$out/$name.wav" 0.02 0.06 ;;
        *)
            espeak-ng -v "$voice" -s "$rate" -w "$tmp/voice.wav" "$text"
            to_asterisk "$tmp/voice.wav" "$out/$name.wav" 0.2 0.3 ;;
    esac
    count=$((count + 1))
done < "$here/prompts.tsv"
echo "$count prompts written to $out"
