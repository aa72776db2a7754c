{{%AUTOESCAPE context="HTML"}}<section class="not-found">
  <h1>{{S_NOT_FOUND_TITLE}}</h1>
  <p>{{S_NOT_FOUND_TEXT}}</p>
  <p><a href="/">{{S_BACK_HOME}}</a></p>
</section>
