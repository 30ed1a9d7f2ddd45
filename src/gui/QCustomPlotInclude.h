// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Include QCustomPlot through this header. Its header uses the `signals` and `foreach` keywords,
// which our QT_NO_KEYWORDS and QT_NO_FOREACH switch off; they are defined for it alone.
#ifndef signals
#define signals Q_SIGNALS
#define MD_QCP_UNDEF_SIGNALS
#endif
#ifndef foreach
#define foreach(variable, container) for (variable : container)
#define MD_QCP_UNDEF_FOREACH
#endif

#include <qcustomplot.h>

#ifdef MD_QCP_UNDEF_SIGNALS
#undef signals
#undef MD_QCP_UNDEF_SIGNALS
#endif
#ifdef MD_QCP_UNDEF_FOREACH
#undef foreach
#undef MD_QCP_UNDEF_FOREACH
#endif
