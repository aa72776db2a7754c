{{%AUTOESCAPE context="HTML"}}<article class="card" lang="{{LANG}}" dir="{{DIR}}">
  {{#PICTURE}}<div class="card-picture">{{HTML:none}}</div>{{/PICTURE}}
  {{#KICKER}}<p class="kicker"><a href="{{URL}}">{{NAME}}</a></p>{{/KICKER}}
  <h3 class="card-title"><a href="{{URL}}">{{TITLE}}</a></h3>
  <p class="excerpt">{{EXCERPT}}</p>
  <p class="meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time> · <span class="authors">{{AUTHORS}}</span></p>
</article>
