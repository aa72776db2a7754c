{{%AUTOESCAPE context="HTML"}}<nav class="pagination" aria-label="{{S_PAGINATION}}">
  {{#NEWER}}<a rel="prev" href="{{NEWER_URL}}">{{S_NEWER}}</a>{{/NEWER}}
  <span aria-current="page">{{CURRENT}}</span>
  {{#OLDER}}<a rel="next" href="{{OLDER_URL}}">{{S_OLDER}}</a>{{/OLDER}}
</nav>
