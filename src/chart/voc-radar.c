/* voc-radar.c: placeholder until the radar implementation lands. */
#include "config.h"

#include "voc-radar.h"
