/* Entry of the charts bundle (built by macros/ledger_bundle.mjs): Chart.js with only what the
   statistics page draws (bar and doughnut charts, their scales, legend and title), as
   window.Chart. Tree-shaken: about a third of the full build. */
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Title
} from "chart.js";

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, Title);
window.Chart = Chart;
