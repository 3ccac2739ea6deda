/* Training self-test (docs/training/index.md, rendered from data/questions.yml by
   macros/quiz.py). Checks answers against data-answer, reveals the explanation, keeps the
   answers in localStorage only, and shows a score. Does nothing on pages without a quiz;
   re-runs on every page of Material's instant navigation (document$).

   Two modes (the fieldset [data-quiz-mode]):
   - practice: "确认答案" reveals a question's verdict and explanation; it asks for an answer
     first (an empty confirmation shows a prompt, never the answer), and a revealed question
     is locked, so an answer cannot be corrected after the key was seen;
   - exam: no question is revealed until the paper is handed in ("交卷"), which then shows the
     score and every question's key. A paper with revealed answers cannot become an exam
     until the record is cleared. */
(function () {
  "use strict";

  var STORE = "yingsu.quiz.v1";
  var MODES = ["practice", "exam"];

  function plainObject(value) {
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  }

  /** The stored answers; values of other types than the quiz writes are ignored. */
  function load() {
    var data = plainObject(Yingsu.store.load(STORE));
    var answers = {};
    var given = plainObject(data.answers);
    Object.keys(given).forEach(function (id) { if (typeof given[id] === "string") answers[id] = given[id]; });
    return {
      answers: answers, checked: plainObject(data.checked), finished: data.finished === true,
      mode: MODES.indexOf(data.mode) >= 0 ? data.mode : "practice"
    };
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

  /** Lock a question (its answer can no longer change) or unlock it. */
  function lock(q, locked) {
    q.querySelectorAll("input, [data-quiz-check]").forEach(function (control) { control.disabled = locked; });
    if (locked) q.dataset.locked = "true"; else delete q.dataset.locked;
  }

  function prompt(q, shown) {
    q.querySelector("[data-quiz-prompt]").hidden = !shown;
  }

  function reveal(q, value) {
    var correct = isCorrect(q, value);
    var feedback = q.querySelector(".quiz-feedback");
    var verdict = q.querySelector("[data-quiz-verdict]");
    verdict.textContent = correct ? "✔ 回答正确" : (value === "" ? "✘ 未作答" : "✘ 回答错误");
    q.dataset.result = correct ? "correct" : "wrong";
    feedback.hidden = false;
    prompt(q, false);
    lock(q, true);
  }

  function conceal(q) {
    q.querySelector(".quiz-feedback").hidden = true;
    delete q.dataset.result;
    prompt(q, false);
    lock(q, false);
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
    var modeBox = document.querySelector("[data-quiz-mode]");
    var finishButton = scoreBox.querySelector("[data-quiz-finish]");
    var state = load();
    var armed = false;   // "交卷" clicked once with questions unanswered: the next click hands in

    function anyRevealed() {
      return state.finished || questions.some(function (q) { return state.checked[q.dataset.qid]; });
    }

    function unanswered() {
      return questions.filter(function (q) { return readAnswer(q) === ""; }).length;
    }

    /** Show the chosen mode: the radios, the per-question buttons, what may still change. */
    function applyMode() {
      var exam = state.mode === "exam";
      questions.forEach(function (q) { q.dataset.mode = state.mode; });
      // the worked examples show their answers: hidden while an exam is being taken
      document.querySelectorAll(".quiz-example").forEach(function (example) { example.hidden = exam && !state.finished; });
      if (!modeBox) return;
      modeBox.hidden = false;
      modeBox.querySelectorAll("input[name=quiz-mode]").forEach(function (radio) {
        radio.checked = radio.value === state.mode;
        radio.disabled = state.finished || (radio.value === "exam" && !exam && anyRevealed());
      });
      var note = modeBox.querySelector("[data-quiz-mode-note]");
      var text = "";
      if (state.finished) {
        text = "已交卷。重新作答请点页末的“清除本机记录，重新开始”。";
      } else if (!exam && anyRevealed()) {
        text = "已有题目显示了答案，不能再进入考试模式；如需考试，请先点页末的“清除本机记录，重新开始”。";
      } else if (exam) {
        text = "考试模式：作答时不显示答案。全部作答后点页末的“交卷，查看成绩”，一并显示成绩和答案。";
      }
      note.textContent = text;
      note.hidden = text === "";
    }

    function progress() {
      var answered = 0, right = 0;
      var text;
      if (state.finished) {
        questions.forEach(function (q) {
          var value = state.answers[q.dataset.qid] || "";
          if (value !== "") answered += 1;
          if (isCorrect(q, value)) right += 1;
        });
        text = "已交卷：作答 " + answered + " / " + questions.length + " 题，其中答对 " + right + " 题。";
      } else if (state.mode === "exam") {
        questions.forEach(function (q) { if ((state.answers[q.dataset.qid] || "") !== "") answered += 1; });
        text = "已作答 " + answered + " / " + questions.length + " 题。";
      } else {
        questions.forEach(function (q) {
          if (state.checked[q.dataset.qid]) {
            answered += 1;
            if (isCorrect(q, state.answers[q.dataset.qid] || "")) right += 1;
          }
        });
        text = "已确认 " + answered + " / " + questions.length + " 题，其中答对 " + right + " 题。";
      }
      scoreBox.querySelector("[data-quiz-progress]").textContent = text;
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
      lines.push("</ul><p>答错的题目已标出，正确答案、解析和条文链接见各题下方。</p>");
      result.innerHTML = lines.join("");
      result.hidden = false;
      finishButton.disabled = true;
    }

    questions.forEach(function (q) {
      var id = q.dataset.qid;
      if (state.answers[id] !== undefined) writeAnswer(q, state.answers[id]);
      if (state.checked[id] && !state.finished) reveal(q, state.answers[id] || "");
      q.addEventListener("change", function (event) {
        if (event.target.name === "quiz-mode" || state.checked[id] || state.finished) return;
        state.answers[id] = readAnswer(q);
        prompt(q, false);
        armed = false;
        save(state);
        progress();
      });
      q.querySelector("[data-quiz-check]").addEventListener("click", function () {
        if (state.checked[id] || state.finished || state.mode === "exam") return;
        var value = readAnswer(q);
        if (value === "") {       // nothing chosen: ask for an answer, reveal nothing
          prompt(q, true);
          var first = q.querySelector("input");
          if (first) first.focus();
          return;
        }
        state.answers[id] = value;
        state.checked[id] = true;
        save(state);
        reveal(q, value);
        applyMode();
        progress();
      });
    });

    if (modeBox) {
      modeBox.addEventListener("change", function (event) {
        var mode = event.target.value;
        if (MODES.indexOf(mode) < 0 || state.finished) return;
        if (mode === "exam" && anyRevealed()) { applyMode(); return; }
        state.mode = mode;
        save(state);
        applyMode();
        progress();
      });
    }

    finishButton.addEventListener("click", function () {
      if (state.finished) return;
      var missing = unanswered();
      var result = scoreBox.querySelector("[data-quiz-result]");
      if (missing > 0 && !armed) {   // a paper handed in by mistake is lost: ask once
        armed = true;
        result.textContent = "还有 " + missing + " 题未作答，交卷后不能再改。确定交卷，请再点一次“交卷，查看成绩”。";
        result.hidden = false;
        return;
      }
      questions.forEach(function (q) {
        state.answers[q.dataset.qid] = readAnswer(q);
        state.checked[q.dataset.qid] = true;
      });
      state.finished = true;
      save(state);
      showScore();
      applyMode();
      progress();
    });

    scoreBox.querySelector("[data-quiz-reset]").addEventListener("click", function () {
      state = { answers: {}, checked: {}, finished: false, mode: state.mode };
      armed = false;
      Yingsu.store.remove(STORE);
      questions.forEach(function (q) {
        conceal(q);
        q.querySelectorAll("input").forEach(function (input) {
          if (input.type === "radio" || input.type === "checkbox") input.checked = false; else input.value = "";
        });
      });
      var result = scoreBox.querySelector("[data-quiz-result]");
      result.hidden = true;
      result.textContent = "";
      finishButton.disabled = false;
      applyMode();
      progress();
    });

    if (state.finished) showScore();
    applyMode();
    progress();
  }

  Yingsu.onEveryPage(init);
})();
