#pragma once

// Everything an alert view needs, in one include:
//
//   AlertEngine            acknowledge / shelve / unshelve (Actor + note); signals alertRaised
//                          (the tone, once per new live alert), alertEscalated (louder alarm,
//                          banner), shelveReminder; counts for the wall's focus
//   AlertTableModel        the table: severity, age, agency, kecamatan, state, repeats, title;
//                          UnacknowledgedCriticalRole for the rows that pulse
//   AlertFilterProxyModel  filter by severity, state, agency, text; sort by any column
//
//   auto *table = new AlertTableModel(engine, clock, parent);
//   auto *rows = new AlertFilterProxyModel(table, parent);
//   rows->setStates({AlertState::Unacknowledged, AlertState::Acknowledged,
//                    AlertState::ReturnedUnacknowledged, AlertState::Shelved});
//   rows->sort(AlertTableModel::SeverityColumn, Qt::DescendingOrder);
//   view->setModel(rows);
//   const quint64 id = rows->data(rows->index(row, 0), AlertTableModel::AlertIdRole).toULongLong();
//   if (const auto result = engine->acknowledge(id, actor, note); !result)
//       show(result.reason);

#include "alerts/AlertEngine.h"
#include "itemmodels/AlertFilterProxyModel.h"
#include "itemmodels/AlertTableModel.h"
