const express = require('express');
const summariesController = require('../controllers/summariesController');
const { ensureLoggedIn } = require('../middleware/auth');

const router = express.Router();

router.post('/', ensureLoggedIn, summariesController.create);
router.post('/stream', ensureLoggedIn, summariesController.stream);

module.exports = router;
