// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Forward declarations of the QCustomPlot types our headers name, so that only the .cpp files
// that draw include QCustomPlot's 7,000-line header. (Kept apart from our classes: lupdate loses
// the enclosing namespace of a header that declares a template, and with it the translation
// context of that header's classes.)

class QCPAbstractLegendItem;
class QCPGraph;
class QCPGraphData;
class QCPLayoutGrid;
class QCPLegend;
class QCustomPlot;
template <class DataType>
class QCPDataContainer;
typedef QCPDataContainer<QCPGraphData> QCPGraphDataContainer;
