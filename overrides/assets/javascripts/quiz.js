/* Training self-test (docs/training/index.md, rendered from data/questions.yml by
   macros/quiz.py). Checks answers against data-answer, reveals the explanation, keeps the
   answers in localStorage only, and shows a score. Does nothing on pages without a quiz;
   re-runs on every page of Material's instant navigation (document$). */
(function () {
  "use strict";

  var STORE = "yingsu.quiz.v1";

  function plainObject(value) {
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  }

  /** The stored answers; values of other types than the quiz writes are ignored. */
  function load() {
    var data = plainObject(Yingsu.store.load(STORE));
    var answers = {};
    var given = plainObject(data.answers);
    Object.keys(given).forEach(function (id) { if (typeof given[id] === "string") answers[id] = given[id]; });
    return { answers: answers, checked: plainObject(data.checked), finished: data.finished === true };
  }

  /** Store the answers; when that fails the quiz still works for this visit, and says so. */
  function save(state) {
    var result = Yingsu.store.save(STORE, state);
    var status = document.querySelector("[data-quiz-status]");
    if (!status) return;
    var note = status.querySelector("[data-storage-note]");
    if (result.ok) {
      if (note) note.remove();
      return;
    }
    if (!note) {
      note = document.createElement("span");
      note.setAttribute("data-storage-note", "");
      note.setAttribute("role", "alert");
      status.appendChild(note);
    }
    note.textContent = " 作答记录未能保存在本机（" + result.reason + "），关闭页面后将丢失。";
  }

  /** The reader's answer to question `q` in the form of its data-answer ("" if none). */
  function readAnswer(q) {
    var kind = q.dataset.kind;
    if (kind === "multiple") {
      var values = [];
      q.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) { values.push(box.value); });
      return values.sort().join(",");
    }
    if (kind === "date") {
      return q.querySelector("input[type=date]").value;
    }
    if (kind === "number") {
      var raw = q.querySelector("input[type=number]").value.trim();
      return raw === "" || isNaN(Number(raw)) ? "" : String(Number(raw));
    }
    var radio = q.querySelector("input[type=radio]:checked");
    return radio ? radio.value : "";
  }

  function writeAnswer(q, value) {
    var kind = q.dataset.kind;
    if (kind === "date" || kind === "number") {
      q.querySelector("input").value = value;
      return;
    }
    var chosen = kind === "multiple" ? value.split(",") : [value];
    q.querySelectorAll("input").forEach(function (input) {
      input.checked = chosen.indexOf(input.value) >= 0;
    });
  }

  function isCorrect(q, value) {
    return value !== "" && value === q.dataset.answer;
  }

  function reveal(q, value) {
    var correct = isCorrect(q, value);
    var feedback = q.querySelector(".quiz-feedback");
    var verdict = q.querySelector("[data-quiz-verdict]");
    verdict.textContent = correct ? "✔ 回答正确" : (value === "" ? "✘ 未作答" : "✘ 回答错误");
    q.dataset.result = correct ? "correct" : "wrong";
    feedback.hidden = false;
  }

  function conceal(q) {
    q.querySelector(".quiz-feedback").hidden = true;
    delete q.dataset.result;
  }

  function init() {
    var questions = Array.prototype.slice.call(document.querySelectorAll(".quiz-q[data-qid]"));
    var scoreBox = document.querySelector("[data-quiz-score]");
    if (!questions.length || !scoreBox || scoreBox.dataset.ready) return;
    scoreBox.dataset.ready = "true";
    var status = document.querySelector("[data-quiz-status]");
    if (status) {
      status.textContent = "本测验共 " + questions.length + " 题。作答记录只保存在本机浏览器中。";
    }
    var state = load();

    function progress() {
      var answered = 0, right = 0;
      questions.forEach(function (q) {
        if (state.checked[q.dataset.qid]) {
          answered += 1;
          if (isCorrect(q, state.answers[q.dataset.qid] || "")) right += 1;
        }
      });
      scoreBox.querySelector("[data-quiz-progress]").textContent =
        "已确认 " + answered + " / " + questions.length + " 题，其中答对 " + right + " 题。";
    }

    function showScore() {
      var right = 0, byChapter = {};
      questions.forEach(function (q) {
        var ch = q.dataset.chapter;
        byChapter[ch] = byChapter[ch] || { right: 0, total: 0 };
        byChapter[ch].total += 1;
        var value = state.answers[q.dataset.qid] || "";
        if (isCorrect(q, value)) { right += 1; byChapter[ch].right += 1; }
        reveal(q, value);
      });
      var result = scoreBox.querySelector("[data-quiz-result]");
      var score = Math.round(right * 100 / questions.length);
      var lines = ["<p class=\"quiz-total\">成绩：答对 <strong data-quiz-right>" + right + "</strong> / " +
        questions.length + " 题，得分 <strong data-quiz-points>" + score + "</strong> 分（百分制）。</p>", "<ul>"];
      Object.keys(byChapter).sort(function (a, b) { return a - b; }).forEach(function (ch) {
        var c = byChapter[ch];
        lines.push("<li>第" + "一二三四五六七八九十".charAt(ch - 1) + "章：" + c.right + " / " + c.total + "</li>");
      });
      lines.push("</ul><p>答错的题目已标出，解析和条文链接见各题下方。</p>");
      result.innerHTML = lines.join("");
      result.hidden = false;
    }

    questions.forEach(function (q) {
      var id = q.dataset.qid;
      if (state.answers[id] !== undefined) writeAnswer(q, state.answers[id]);
      if (state.checked[id]) reveal(q, state.answers[id] || "");
      q.addEventListener("change", function () {
        state.answers[id] = readAnswer(q);
        if (state.checked[id]) {
          delete state.checked[id];
          conceal(q);
        }
        save(state);
        progress();
      });
      q.querySelector("[data-quiz-check]").addEventListener("click", function () {
        var value = readAnswer(q);
        state.answers[id] = value;
        state.checked[id] = true;
        save(state);
        reveal(q, value);
        progress();
      });
    });

    scoreBox.querySelector("[data-quiz-finish]").addEventListener("click", function () {
      questions.forEach(function (q) {
        state.answers[q.dataset.qid] = readAnswer(q);
        state.checked[q.dataset.qid] = true;
      });
      state.finished = true;
      save(state);
      showScore();
      progress();
    });

    scoreBox.querySelector("[data-quiz-reset]").addEventListener("click", function () {
      state = { answers: {}, checked: {}, finished: false };
      Yingsu.store.remove(STORE);
      questions.forEach(function (q) {
        q.querySelectorAll("input").forEach(function (input) {
          if (input.type === "radio" || input.type === "checkbox") input.checked = false; else input.value = "";
        });
        conceal(q);
      });
      var result = scoreBox.querySelector("[data-quiz-result]");
      result.hidden = true;
      result.textContent = "";
      progress();
    });

    if (state.finished) showScore();
    progress();
  }

  Yingsu.onEveryPage(init);
})();
